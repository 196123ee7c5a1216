/**
 * The demo's federations, as the seed texts write them:
 *
 * - The Nationaal Integratiediner (seeds/000) is the instance's own, as before federations: its
 *   series `nid` belongs to no federation, so every organisation may take part in its editions
 *   and its staff are the instance's (existing behaviour unchanged).
 * - `altinget`, Altinget's integration network (seeds/002): its 2021 programme (altinget.ts). Its
 *   members are not named or counted by the page, so it has none here.
 * - `wir-zusammen` (seeds/003): "Aus 36 sind rund 170 Mitglieder geworden", a year after its
 *   start. The text names no day: it looks back on January's Netzwerktreffen and ahead to 2017, so
 *   it is of early 2017; 1 February 2016 and 2017 stand for "heute vor einem Jahr" and "heute".
 *   36 members join on the first day, 134 over the year (one every few days, evenly: the text
 *   does not say when), among them the Theresienklinik, "Kooperationspartner".
 * - `sammen-om-integration` (seeds/004): "etableret på regeringens topmøde … i september 2015",
 *   "88 virksomheder deltager allerede" on 11 June 2016. The text does not say how many began:
 *   the 88 join evenly between 1 September 2015 (standing for "september 2015") and that day.
 *
 * The members' names are made up where the texts name none ("Mitgliedsunternehmen 17"), so
 * nobody mistakes them for real companies.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  editions,
  federationMeasures,
  federationMembers,
  federations,
  federationTargetGroups,
  series,
} from '../db/schema.ts';
import { upsertOrganisations } from './load.ts';

interface DemoFederation {
  slug: string;
  name: string;
  country: string;
  series: string[];
  members: { slug: string; name: string; kind: 'COMPANY' | 'CARE'; joinedOn: string }[];
  /** What it counts beside the people at its tables. */
  measures?: { key: string; labels: Record<'nl' | 'en' | 'de' | 'da', string> }[];
  /** Target groups it adds to the built-in ones. */
  targetGroups?: { code: string; labels: Record<'nl' | 'en' | 'de' | 'da', string> }[];
  /** Series of its own, each with past editions that hold totals only, with their source. */
  own?: {
    slug: string;
    name: string;
    editions: {
      slug: string;
      name: string;
      date: string;
      timeZone: string;
      country: string;
      totalParticipants: number;
      totalsAtLeast: boolean;
      totalsSource: string;
    }[];
  }[];
}

const WZ_RELEASE =
  'Pressemitteilung „Ein Jahr erfolgreiche Integrationsarbeit – Theresienklinik ist Kooperationspartner“ (Wir zusammen)';

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `count` days spread evenly after `from` (exclusive) up to `to` (inclusive). */
function spread(from: string, to: string, count: number): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = (Date.parse(`${to}T00:00:00Z`) - start) / DAY_MS;
  return Array.from({ length: count }, (_, i) =>
    day(start + Math.max(1, Math.round(((i + 1) * days) / count)) * DAY_MS),
  );
}

export const WIR_ZUSAMMEN_START = '2016-02-01';
export const WIR_ZUSAMMEN_YEAR_LATER = '2017-02-01';
export const SAMMEN_START = '2015-09-01';
export const SAMMEN_RELEASE = '2016-06-11';

function wirZusammen(): DemoFederation {
  const later = spread(WIR_ZUSAMMEN_START, '2017-01-31', 134);
  const members = [...Array.from({ length: 36 }, () => WIR_ZUSAMMEN_START), ...later].map(
    (joinedOn, i) => ({
      slug: `wz-mitglied-${String(i + 1).padStart(3, '0')}`,
      name: `Mitgliedsunternehmen ${i + 1}`,
      kind: 'COMPANY' as DemoFederation['members'][number]['kind'],
      joinedOn,
    }),
  );
  // The Theresienklinik, named by the text, stands in for one of the year's newcomers.
  const klinik = members[120]!;
  members[120] = { ...klinik, slug: 'theresienklinik', name: 'Theresienklinik', kind: 'CARE' };
  return {
    slug: 'wir-zusammen',
    name: 'Wir zusammen',
    country: 'DE',
    series: [],
    members,
    // "untermauern diese mit verbindlichen Patenschaften": the mentors beside the built-in groups.
    targetGroups: [
      {
        code: 'MENTORS',
        labels: { nl: 'Mentoren', en: 'Mentors', de: 'Paten und Patinnen', da: 'Mentorer' },
      },
    ],
    own: [
      {
        slug: 'wir-zusammen-netzwerktreffen',
        name: 'Wir zusammen: Netzwerktreffen',
        editions: [
          {
            slug: 'wir-zusammen-netzwerktreffen-2017',
            name: 'Wir zusammen Netzwerktreffen Frankfurt 2017',
            // "im Januar": the month is known, not the day; the 15th stands for it.
            date: '2017-01-15',
            timeZone: 'Europe/Berlin',
            country: 'DE',
            totalParticipants: 100,
            totalsAtLeast: true,
            totalsSource: `${WZ_RELEASE}: „beim „Wir zusammen“ Netzwerktreffen im Januar in Frankfurt. Über 100 Teilnehmer informierten sich über die vorgestellten Programme, beteiligten sich an Diskussionsrunden“. The month is known, not the day.`,
          },
        ],
      },
    ],
  };
}

function sammenOmIntegration(): DemoFederation {
  return {
    slug: 'sammen-om-integration',
    name: 'Sammen om integration',
    country: 'DK',
    series: ['sammen-om-integration'],
    // "knap 1000 virksomhedspladser": placements offered by the companies.
    measures: [
      {
        key: 'PLACEMENTS',
        labels: {
          nl: 'Werkplekken in bedrijven',
          en: 'Company placements',
          de: 'Plätze in Unternehmen',
          da: 'Virksomhedspladser',
        },
      },
    ],
    members: spread(SAMMEN_START, SAMMEN_RELEASE, 88).map((joinedOn, i) => ({
      slug: `soi-virksomhed-${String(i + 1).padStart(2, '0')}`,
      name: `Virksomhed ${i + 1} (eksempel)`,
      kind: 'COMPANY' as const,
      joinedOn,
    })),
  };
}

export function demoFederations(): DemoFederation[] {
  return [
    {
      slug: 'altinget',
      name: 'Altingets integrationspolitiske netværk',
      country: 'DK',
      series: ['altinget-integration'],
      members: [],
    },
    wirZusammen(),
    sammenOmIntegration(),
  ];
}

export async function hasFederation(db: Db, slug: string): Promise<boolean> {
  const rows = await db
    .select({ id: federations.id })
    .from(federations)
    .where(eq(federations.slug, slug))
    .limit(1);
  return rows.length > 0;
}

/** Create the demo's federations, their members and their series' links, unless they are there. */
export async function loadDemoFederations(db: Db): Promise<void> {
  for (const f of demoFederations()) {
    await db.transaction(async (tx) => {
      await tx
        .insert(federations)
        .values({ slug: f.slug, name: f.name, country: f.country })
        .onConflictDoNothing({ target: federations.slug });
      const [row] = await tx.select().from(federations).where(eq(federations.slug, f.slug));
      if (f.measures?.length)
        await tx
          .insert(federationMeasures)
          .values(f.measures.map((m, position) => ({ ...m, federationId: row!.id, position })))
          .onConflictDoNothing();
      if (f.targetGroups?.length)
        await tx
          .insert(federationTargetGroups)
          .values(f.targetGroups.map((g, position) => ({ ...g, federationId: row!.id, position })))
          .onConflictDoNothing();
      for (const own of f.own ?? []) {
        await tx
          .insert(series)
          .values({ slug: own.slug, name: own.name, federationId: row!.id })
          .onConflictDoNothing({ target: series.slug });
        const [s] = await tx.select().from(series).where(eq(series.slug, own.slug));
        await tx
          .insert(editions)
          .values(own.editions.map((e) => ({ ...e, status: 'CLOSED' as const, seriesId: s!.id })))
          .onConflictDoNothing({ target: editions.slug });
      }
      if (f.series.length)
        await tx
          .update(series)
          .set({ federationId: row!.id })
          .where(inArray(series.slug, f.series));
      if (!f.members.length) return;
      const idOf = await upsertOrganisations(
        tx,
        f.members.map((m) => ({
          slug: m.slug,
          name: m.name,
          kind: m.kind,
          approvedAt: new Date(`${m.joinedOn}T00:00:00Z`),
        })),
      );
      await tx
        .insert(federationMembers)
        .values(
          f.members.map((m) => ({
            federationId: row!.id,
            organisationId: idOf.get(m.slug)!,
            joinedOn: m.joinedOn,
          })),
        )
        .onConflictDoNothing();
    });
  }
}

/**
 * Altinget's integration network (seeds/002) as its page writes it: a programme of dated meetings
 * across 2021, the fixed chair ("Abdel Aziz Mahmoud er fast mødeleder"), the yearly døgnmøde at
 * Kragerup Gods "Endnu ikke bekræftet" with its three sessions, a session with two speakers
 * (Aydin Soei & Jakob Nielsen), and the meetings at Altinget, Ny Kongensgade 10, København.
 *
 * What the page does not say stays unsaid or is marked: when the døgnmøde ends (a døgn from its
 * first session stands for it), where exactly Kragerup Gods is (a point in western Zealand near
 * Ruds Vedby stands for it), how many came. The speakers are named as the page names them, in
 * public, so their names are public here too (`namePublic`).
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { locations, programmeSessions, programmeSpeakers } from '../db/schema.ts';
import type { DemoData } from './data.ts';
import { zonedInstant } from './time.ts';

export const ALTINGET_SLUG = 'altinget-integration-2021';
export const ALTINGET_SERIES = {
  slug: 'altinget-integration',
  name: 'Altingets integrationspolitiske netværk',
} as const;
const TZ = 'Europe/Copenhagen';
const ORG = 'altinget';
const at = (date: string, time: string) => zonedInstant(date, time, TZ);

interface Speaker {
  name: string;
  role: string;
  organisation: string | null;
}
const CHAIR: Speaker = {
  name: 'Abdel Aziz Mahmoud',
  role: 'journalist og tv-vært',
  organisation: null,
};
const ALTINGET_ADDRESS = {
  street: 'Ny Kongensgade 10',
  postalCode: '1472',
  city: 'København K',
  region: 'DK-84',
  country: 'DK',
  // Copenhagen's centre (GeoNames), near Ny Kongensgade.
  lat: 55.6759,
  lng: 12.5744,
};

interface Meeting {
  externalId: string;
  name: string;
  date: string;
  start: string;
  end: { date: string; time: string };
  tentative: boolean;
  place: Partial<typeof ALTINGET_ADDRESS> & { lat: number; lng: number; region: string };
  sessions: {
    start: string;
    end: string;
    title: string;
    abstract: string;
    speakers: Speaker[];
  }[];
}

const MEETINGS: Meeting[] = [
  {
    externalId: 'doegnmoede-2021',
    name: 'Det årlige døgnmøde',
    date: '2021-08-12',
    start: '08:30',
    // A døgn from the first session: the page does not say when it ends.
    end: { date: '2021-08-13', time: '08:30' },
    tentative: true,
    place: {
      street: undefined,
      city: 'Kragerup Gods',
      region: 'DK-85',
      country: 'DK',
      lat: 55.5316,
      lng: 11.3689,
    },
    sessions: [
      {
        start: '08:30',
        end: '09:20',
        title: 'Det årlige døgnmøde',
        abstract:
          'Det årlige døgnmøde for vores netværk afholdes i de smukke omgivelser på Kragerup Gods. Til døgnmødet drøfter vi centrale spørgsmål, der knytter sig til integrationsområdet.',
        speakers: [],
      },
      {
        start: '10:15',
        end: '11:15',
        title:
          'Fra chefkonsulent i Dansk Arbejdsgiverforening til stifter af videnscenter om integration',
        abstract:
          'Integrationsdebatten i Danmark bør foregå på et mere oplyst grundlag. Det mener Rasmus Brygger, der i begyndelsen af 2020 opsagde sin stilling som chefkonsulent i Dansk Arbejdsgiverforening for at stifte Danmarks Videnscenter for Integration.',
        speakers: [
          {
            name: 'Rasmus Brygger',
            role: 'stifter',
            organisation: 'Danmarks Videnscenter for Integration',
          },
        ],
      },
      {
        start: '13:00',
        end: '14:00',
        title: 'Ny forperson i Mino Danmark',
        abstract:
          'Vi får besøg af Moussa, som fortæller om, hvilken rolle han kommer til at spille i Mino og om, hvor han mener, Mino skal bevæge sig hen – og hvordan.',
        speakers: [{ name: 'Moussa Mchangama', role: 'forperson', organisation: 'Mino Danmark' }],
      },
    ],
  },
  {
    externalId: 'netvaerksmoede-2021-09',
    name: 'Pressens rolle og ansvar på integrationsområdet',
    date: '2021-09-14',
    start: '09:30',
    end: { date: '2021-09-14', time: '12:30' },
    tentative: false,
    place: ALTINGET_ADDRESS,
    sessions: [
      {
        start: '09:30',
        end: '12:30',
        title: 'Pressens rolle og ansvar på integrationsområdet',
        abstract:
          'Hvad betyder mediernes dækning af etniske minoriteter egentlig for den offentlige debat på området, og hvad betyder det for integrationen? Hvad er mediernes rolle - og har de et ansvar?',
        speakers: [
          { name: 'Aydin Soei', role: 'sociolog og forfatter', organisation: null },
          { name: 'Jakob Nielsen', role: 'ansvarshavende chefredaktør', organisation: 'Altinget' },
        ],
      },
    ],
  },
  {
    externalId: 'netvaerksmoede-2021-10',
    name: 'En ny beskæftigelsesindsats baseret på relationel velfærd',
    date: '2021-10-26',
    start: '09:30',
    end: { date: '2021-10-26', time: '12:30' },
    tentative: false,
    place: ALTINGET_ADDRESS,
    sessions: [
      {
        start: '09:30',
        end: '12:30',
        title: 'En ny beskæftigelsesindsats baseret på relationel velfærd',
        abstract:
          'Opgang til Opgang handler om at anvende en ny helhedsorienteret og relationel beskæftigelsesindsats. Pernille Randrup-Thomsen, der leder projektet, vil fortælle mere om, hvordan arbejdet er organiseret.',
        speakers: [
          {
            name: 'Pernille Randrup Thomsen',
            role: 'afdelingsleder',
            organisation: 'Opgang til Opgang, Aarhus Kommune',
          },
        ],
      },
    ],
  },
  {
    externalId: 'netvaerksmoede-2021-12',
    name: 'Sociale investeringer',
    date: '2021-12-06',
    start: '09:30',
    end: { date: '2021-12-06', time: '12:30' },
    tentative: false,
    place: ALTINGET_ADDRESS,
    sessions: [
      {
        start: '09:30',
        end: '12:30',
        title:
          'Sociale investeringer - når kommuner ikke har ressourcerne til at løse udfordringerne på egen hånd',
        abstract:
          'Thit Aaris-Høeg fortæller om indsatserne og erfaringerne i Lejre og Frederiksberg Kommune, og om sociale investeringer som fænomen, og hvilke gevinster der er ved det.',
        speakers: [
          {
            name: 'Thit Aaris-Høeg',
            role: 'direktør',
            organisation: 'Fonden for Sociale Investeringer',
          },
        ],
      },
    ],
  },
];

export function generateAltinget(): DemoData {
  return {
    edition: {
      slug: ALTINGET_SLUG,
      name: 'Altingets integrationspolitiske netværk 2021',
      date: '2021-08-12',
      endDate: '2021-12-06',
      timeZone: TZ,
      country: 'DK',
      status: 'CLOSED',
    },
    organisations: [{ slug: ORG, name: 'Altinget', kind: 'COMPANY', website: null }],
    locations: MEETINGS.map((m) => ({
      organisationSlug: ORG,
      externalId: m.externalId,
      name: m.name,
      street: m.place.street ?? null,
      postalCode: m.place.postalCode ?? null,
      city: m.place.city ?? null,
      region: m.place.region,
      country: 'DK',
      lat: m.place.lat,
      lng: m.place.lng,
      meal: 'OTHER',
      startsAt: at(m.date, m.start),
      endsAt: at(m.end.date, m.end.time),
      schedule: m.tentative ? 'TENTATIVE' : 'CONFIRMED',
      capacity: null,
      participants: 0,
      expected: 0,
      targetGroups: [],
      languages: ['da'],
      status: 'PUBLISHED',
    })),
    arrivals: [],
  };
}

/** The meetings' programmes: sessions, speakers and the chair, unless they are there. */
export async function loadAltingetProgramme(db: Db, editionId: number): Promise<void> {
  await db.transaction(async (tx) => {
    for (const m of MEETINGS) {
      const [venue] = await tx
        .select({ id: locations.id })
        .from(locations)
        .where(and(eq(locations.editionId, editionId), eq(locations.externalId, m.externalId)));
      if (!venue) continue;
      const have = await tx
        .select({ id: programmeSessions.id })
        .from(programmeSessions)
        .where(eq(programmeSessions.locationId, venue.id))
        .limit(1);
      if (have.length) continue;
      await tx.insert(programmeSpeakers).values({
        locationId: venue.id,
        sessionId: null,
        position: 0,
        ...CHAIR,
        namePublic: true,
      });
      for (const [position, s] of m.sessions.entries()) {
        const [session] = await tx
          .insert(programmeSessions)
          .values({
            locationId: venue.id,
            position,
            startsAt: at(m.date, s.start),
            endsAt: at(m.date, s.end),
            title: s.title,
            abstract: s.abstract,
            tentative: m.tentative,
          })
          .returning({ id: programmeSessions.id });
        if (s.speakers.length)
          await tx.insert(programmeSpeakers).values(
            s.speakers.map((p, i) => ({
              locationId: venue.id,
              sessionId: session!.id,
              position: i,
              ...p,
              namePublic: true,
            })),
          );
      }
    }
  });
}

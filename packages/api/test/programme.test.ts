/**
 * Programmes (#19): Altinget's integration network's meetings have a chair (mødeleder) and
 * sessions with times ("kl. 8:30-9:20"), speakers with role and organisation — two in one slot on
 * 14 September — and items not yet confirmed. Set as a whole by the host organisation or staff,
 * read publicly (a speaker's name only if they chose so), and published in iCalendar as one
 * event per session, the døgnmøde at Kragerup Gods spanning midnight.
 */
import { sql } from 'drizzle-orm';
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../src/locations/stats.ts';
import { createApp } from '../src/yoga.ts';
import {
  ALTINGET_2021,
  CREATE,
  sessionHeaders,
  UPDATE,
  UPSERT,
  usePublishFixture,
} from './support.ts';

const publish = usePublishFixture();
const { keys, snapshot } = publish;

const SET = `mutation($input: SetProgrammeInput!) {
  setProgramme(input: $input) { location { id name } userErrors { field message code } }
}`;
const PROGRAMME = `query($id: ID!) { node(id: $id) { ... on Location { name programme {
  chair { name role organisation namePublic }
  sessions { startsAt endsAt title abstract tentative speakers { name role organisation namePublic } }
} } } }`;

const EDITION = ALTINGET_2021;

const CHAIR = {
  name: 'Abdel Aziz Mahmoud',
  role: 'journalist og tv-vært',
  organisation: null,
  namePublic: true,
};

/** The døgnmøde: from the morning of 12 August to the afternoon of the 13th, over the night. */
const DOEGNMOEDE = {
  chair: CHAIR,
  sessions: [
    {
      startsAt: '2021-08-12T10:15:00+02:00',
      endsAt: '2021-08-12T11:15:00+02:00',
      title: 'Fra chefkonsulent i Dansk Arbejdsgiverforening til stifter af videnscenter',
      abstract: 'Integrationsdebatten i Danmark bør foregå på et mere oplyst grundlag.',
      speakers: [
        {
          name: 'Rasmus Brygger',
          role: 'stifter',
          organisation: 'Danmarks Videnscenter for Integration',
          namePublic: true,
        },
      ],
    },
    {
      // Evening into the night: the session itself spans midnight.
      startsAt: '2021-08-12T22:00:00+02:00',
      endsAt: '2021-08-13T01:00:00+02:00',
      title: 'Nattesamtale',
      tentative: true,
      speakers: [{ name: 'Ikke offentlig', role: 'forsker', organisation: 'Et universitet' }],
    },
    {
      startsAt: '2021-08-13T13:00:00+02:00',
      endsAt: '2021-08-13T14:00:00+02:00',
      title: 'Ny forperson i Mino Danmark',
      speakers: [
        {
          name: 'Moussa Mchangama',
          role: 'forperson',
          organisation: 'Mino Danmark',
          namePublic: true,
        },
      ],
    },
  ],
};

/** 14 September: two speakers in one slot, one of them not named publicly. */
const PRESS = {
  chair: CHAIR,
  sessions: [
    {
      startsAt: '2021-09-14T09:30:00+02:00',
      endsAt: '2021-09-14T12:30:00+02:00',
      title: 'Pressens rolle og ansvar på integrationsområdet',
      abstract: 'Hvad betyder mediernes dækning af etniske minoriteter for den offentlige debat?',
      speakers: [
        {
          name: 'Aydin Soei',
          role: 'sociolog og forfatter',
          organisation: null,
          namePublic: true,
        },
        {
          name: 'Jakob Nielsen',
          role: 'ansvarshavende chefredaktør',
          organisation: 'Altinget',
          namePublic: false,
        },
      ],
    },
  ],
};

const ids: Record<string, string> = {};

async function meeting(name: string, extra: Record<string, unknown>): Promise<string> {
  const r = await publish.gql(
    CREATE,
    {
      input: {
        edition: EDITION.slug,
        name,
        meal: 'OTHER',
        coordinates: { lat: 55.6819, lng: 12.5858 },
        address: { street: 'Ny Kongensgade 10', postalCode: '1472', city: 'København K' },
        ...extra,
      },
    },
    { key: keys['asito'] },
  );
  expect(r.data!['createLocation'].userErrors).toEqual([]);
  return r.data!['createLocation'].location.id;
}

const set = (location: string, programme: Record<string, unknown>, as = { key: keys['asito'] }) =>
  publish.gql(SET, { input: { location, ...programme } }, as);

describe('a meeting’s programme', () => {
  it('is set as a whole by the host organisation: the døgnmøde and a two-speaker session', async () => {
    const made = await publish.gql(
      `mutation($input: CreateEditionInput!) { createEdition(input: $input) { userErrors { code } } }`,
      { input: EDITION },
      { key: keys['staff'] },
    );
    expect(made.data!['createEdition'].userErrors).toEqual([]);
    ids['døgnmøde'] = await meeting('Det årlige døgnmøde', {
      coordinates: { lat: 55.5126, lng: 11.4263 },
      address: { city: 'Kragerup Gods' },
      startsAt: '2021-08-12T08:30:00+02:00',
      endsAt: '2021-08-13T14:00:00+02:00',
    });
    ids['press'] = await meeting('Netværksmøde 14/9', {
      startsAt: '2021-09-14T09:30:00+02:00',
      endsAt: '2021-09-14T12:30:00+02:00',
      schedule: 'TENTATIVE',
    });
    const a = await set(ids['døgnmøde']!, DOEGNMOEDE);
    expect(a.data!['setProgramme']).toEqual({
      location: { id: ids['døgnmøde'], name: 'Det årlige døgnmøde' },
      userErrors: [],
    });
    // Staff may set a member's programme too.
    const b = await set(ids['press']!, PRESS, { key: keys['staff'] });
    expect(b.data!['setProgramme'].userErrors).toEqual([]);
  });

  it('is read publicly, a speaker’s name only when they chose so', async () => {
    const overnight = (await publish.gql(PROGRAMME, { id: ids['døgnmøde'] })).data!['node'];
    expect(overnight.programme.chair).toEqual(CHAIR);
    expect(overnight.programme.sessions.map((s: { title: string }) => s.title)).toEqual(
      DOEGNMOEDE.sessions.map((s) => s.title),
    );
    expect(overnight.programme.sessions[1]).toEqual({
      startsAt: '2021-08-12T20:00:00.000Z',
      endsAt: '2021-08-12T23:00:00.000Z',
      title: 'Nattesamtale',
      abstract: null,
      tentative: true,
      speakers: [
        { name: null, role: 'forsker', organisation: 'Et universitet', namePublic: false },
      ],
    });
    const press = (await publish.gql(PROGRAMME, { id: ids['press'] })).data!['node'];
    expect(press.programme.sessions[0].speakers).toEqual([
      { name: 'Aydin Soei', role: 'sociolog og forfatter', organisation: null, namePublic: true },
      {
        name: null,
        role: 'ansvarshavende chefredaktør',
        organisation: 'Altinget',
        namePublic: false,
      },
    ]);
    // The host organisation reads the name it entered, to edit it; nobody else does.
    const own = await publish.gql(PROGRAMME, { id: ids['press'] }, { key: keys['asito'] });
    expect(own.data!['node'].programme.sessions[0].speakers[1].name).toBe('Jakob Nielsen');
    const other = await publish.gql(PROGRAMME, { id: ids['press'] }, { key: keys['utrecht'] });
    expect(other.data!['node'].programme.sessions[0].speakers[1].name).toBeNull();
    // Nowhere in a public list either, and a venue without a programme has an empty one.
    const list = await publish.gql(
      `{ locations(edition: "altinget-2021", first: 10) { nodes { name programme { chair { name } sessions { speakers { name role } } } } } }`,
    );
    expect(JSON.stringify(list.data)).not.toContain('Jakob Nielsen');
    expect(JSON.stringify(list.data)).not.toContain('Ikke offentlig');
    const plain = await publish.gql(
      `{ locations(edition: "nid-test", first: 1) { nodes { programme { chair { name } sessions { title } } } } }`,
    );
    expect(plain.data!['locations'].nodes[0].programme).toEqual({ chair: null, sessions: [] });
  });

  it('sent again unchanged, changes nothing; sent empty, is cleared', async () => {
    const before = await snapshot();
    const again = await set(ids['press']!, PRESS);
    expect(again.data!['setProgramme'].userErrors).toEqual([]);
    expect(await snapshot()).toEqual(before);

    const scratch = await meeting('Kladde', {
      startsAt: '2021-09-14T09:30:00+02:00',
      endsAt: '2021-09-14T12:30:00+02:00',
    });
    expect((await set(scratch, PRESS)).data!['setProgramme'].userErrors).toEqual([]);
    const cleared = await set(scratch, { sessions: [] });
    expect(cleared.data!['setProgramme'].userErrors).toEqual([]);
    const read = await publish.gql(PROGRAMME, { id: scratch });
    expect(read.data!['node'].programme).toEqual({ chair: null, sessions: [] });
  });

  it('refuses bad input with a code per field, and changes nothing', async () => {
    const session = PRESS.sessions[0]!;
    const speaker = { name: 'N', role: 'r', organisation: 'o' };
    const cases: [Record<string, unknown>, (string | number)[], string][] = [
      [
        { ...session, startsAt: '2021-09-14T11:00:00+02:00', endsAt: '2021-09-14T10:00:00+02:00' },
        ['sessions', '0', 'endsAt'],
        'END_BEFORE_START',
      ],
      [
        { ...session, startsAt: '2021-09-14T08:00:00+02:00' },
        ['sessions', '0', 'startsAt'],
        'OUTSIDE_MEETING',
      ],
      [
        { ...session, endsAt: '2021-09-14T13:00:00+02:00' },
        ['sessions', '0', 'endsAt'],
        'OUTSIDE_MEETING',
      ],
      [{ ...session, title: '   ' }, ['sessions', '0', 'title'], 'REQUIRED'],
      [{ ...session, title: 'x'.repeat(201) }, ['sessions', '0', 'title'], 'TOO_LONG'],
      [{ ...session, abstract: 'x'.repeat(2001) }, ['sessions', '0', 'abstract'], 'TOO_LONG'],
      [
        { ...session, speakers: Array.from({ length: 11 }, () => speaker) },
        ['sessions', '0', 'speakers'],
        'TOO_MANY',
      ],
      [
        { ...session, speakers: [{ ...speaker, organisation: 'o'.repeat(121) }] },
        ['sessions', '0', 'speakers', '0', 'organisation'],
        'TOO_LONG',
      ],
      [
        { ...session, speakers: [{ name: '' }] },
        ['sessions', '0', 'speakers', '0', 'name'],
        'REQUIRED',
      ],
    ];
    const before = await snapshot();
    for (const [bad, field, code] of cases) {
      const r = await set(ids['press']!, { sessions: [bad] });
      expect(r.data!['setProgramme'], code).toEqual({
        location: null,
        userErrors: [expect.objectContaining({ field, code })],
      });
    }
    const many = await set(ids['press']!, {
      sessions: Array.from({ length: 51 }, () => session),
    });
    expect(many.data!['setProgramme'].userErrors).toEqual([
      expect.objectContaining({ field: ['sessions'], code: 'TOO_MANY' }),
    ]);
    const chairless = await set(ids['press']!, { chair: { name: 'x'.repeat(121) }, sessions: [] });
    expect(chairless.data!['setProgramme'].userErrors).toEqual([
      expect.objectContaining({ field: ['chair', 'name'], code: 'TOO_LONG' }),
    ]);
    // Overlapping sessions are parallel tracks: allowed (checked here without saving: a later
    // bad one refuses the whole programme).
    const overlapping = await set(ids['press']!, {
      sessions: [session, { ...session, title: 'Parallelt spor' }, { ...session, title: '' }],
    });
    expect(overlapping.data!['setProgramme'].userErrors).toEqual([
      expect.objectContaining({ field: ['sessions', '2', 'title'], code: 'REQUIRED' }),
    ]);
    const unknown = await set('TG9jYXRpb246OTk5OTk', { sessions: [] }, { key: keys['staff'] });
    expect(unknown.data!['setProgramme'].userErrors).toEqual([
      expect.objectContaining({ field: ['location'], code: 'NOT_FOUND' }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('holds its meeting: moving the meeting past a session is refused, by one write or a list', async () => {
    const row = {
      externalId: 'altinget-2021-10-26',
      name: 'En ny beskæftigelsesindsats',
      meal: 'OTHER',
      coordinates: { lat: 55.6819, lng: 12.5858 },
      startsAt: '2021-10-26T09:30:00+02:00',
      endsAt: '2021-10-26T12:30:00+02:00',
    };
    const listed = await publish.gql(
      UPSERT,
      { input: { edition: EDITION.slug, locations: [row] } },
      { key: keys['asito'] },
    );
    expect(listed.data!['upsertLocations'].userErrors).toEqual([]);
    const { id } = (
      await publish.gql(`{ locations(edition: "altinget-2021", first: 100) { nodes { id name } } }`)
    ).data!['locations'].nodes.find((n: { name: string }) => n.name === row.name);
    const session = { startsAt: row.startsAt, endsAt: row.endsAt, title: 'Opgang til Opgang' };
    expect((await set(id, { sessions: [session] })).data!['setProgramme'].userErrors).toEqual([]);

    const before = await snapshot();
    const later = await publish.gql(
      UPDATE,
      { input: { id, startsAt: '2021-10-26T10:00:00+02:00' } },
      { key: keys['asito'] },
    );
    expect(later.data!['updateLocation'].userErrors).toEqual([
      expect.objectContaining({ field: ['startsAt'], code: 'OUTSIDE_MEETING' }),
    ]);
    const shorter = await publish.gql(
      UPSERT,
      {
        input: {
          edition: EDITION.slug,
          locations: [{ ...row, endsAt: '2021-10-26T12:00:00+02:00' }],
        },
      },
      { key: keys['asito'] },
    );
    expect(shorter.data!['upsertLocations'].userErrors).toEqual([
      expect.objectContaining({ field: ['locations', '0', 'endsAt'], code: 'OUTSIDE_MEETING' }),
    ]);
    expect(await snapshot()).toEqual(before);
    // Longer is fine: the programme still fits.
    const longer = await publish.gql(
      UPDATE,
      { input: { id, endsAt: '2021-10-26T13:00:00+02:00' } },
      { key: keys['asito'] },
    );
    expect(longer.data!['updateLocation'].userErrors).toEqual([]);
  });

  it('is refused to another organisation and to a coordinator of it; its own coordinator may', async () => {
    const before = await snapshot();
    const r = await set(ids['press']!, { sessions: [] }, { key: keys['utrecht'] });
    expect(r.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    const person = await publish.gql(
      SET,
      { input: { location: ids['press'], sessions: [] } },
      { headers: sessionHeaders(publish.sessions['utrechtPerson']!) },
    );
    expect(person.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
    const own = await publish.gql(
      SET,
      { input: { location: ids['press'], ...PRESS } },
      { headers: sessionHeaders(publish.sessions['asitoPerson']!) },
    );
    expect(own.data!['setProgramme'].userErrors).toEqual([]);
  });

  it('is one event per session in iCalendar: the døgnmøde over midnight, two speakers in one slot', async () => {
    const app = createApp({ database: publish.t.database, publicApi: { rateLimit: false } });
    const response = await app.fetch(`http://tafel.test/editions/${EDITION.slug}/locations.ics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain('Jakob Nielsen');
    expect(text).not.toContain('Ikke offentlig');
    const events = Object.values(ical.sync.parseICS(text)).filter(
      (c) => c?.type === 'VEVENT',
    ) as VEvent[];
    const byTitle = new Map(events.map((e) => [String(e.summary), e]));
    // The døgnmøde's three sessions, not the meeting itself; their own UIDs.
    expect(events.filter((e) => String(e.summary).includes('døgnmøde'))).toEqual([]);
    const night = byTitle.get('Nattesamtale')!;
    expect(new Date(night.start).toISOString()).toBe('2021-08-12T20:00:00.000Z');
    expect(new Date(night.end!).toISOString()).toBe('2021-08-12T23:00:00.000Z');
    expect(night.status).toBe('TENTATIVE');
    expect(String(night.description)).toContain('Not yet confirmed.');
    expect(String(night.description)).toContain('forsker, Et universitet');
    const mino = byTitle.get('Ny forperson i Mino Danmark')!;
    expect(new Date(mino.start).toISOString()).toBe('2021-08-13T11:00:00.000Z');
    expect(mino.status).toBe('CONFIRMED');
    expect(String(mino.location)).toBe('Kragerup Gods');
    expect(String(mino.description)).toContain('Moussa Mchangama, forperson, Mino Danmark');
    expect(String(mino.description)).toContain('Chair: Abdel Aziz Mahmoud, journalist og tv-vært.');
    const uids = events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);

    const press = byTitle.get('Pressens rolle og ansvar på integrationsområdet')!;
    // The meeting is not yet confirmed: so is its session.
    expect(press.status).toBe('TENTATIVE');
    expect(String(press.description)).toContain('Aydin Soei, sociolog og forfatter');
    expect(String(press.description)).toContain('ansvarshavende chefredaktør, Altinget');
    expect(String(press.location)).toBe('Ny Kongensgade 10, 1472, København K');
    // A meeting without a programme stays one event.
    expect(events.filter((e) => String(e.summary) === 'Other: Kladde')).toHaveLength(1);
  });

  it('reads a list’s programmes with the list, not one query per venue', async () => {
    const LIST = `{ locations(edition: "altinget-2021", first: 100) { nodes { name programme { chair { role } sessions { title speakers { role } } } } } }`;
    const count = async () => {
      publish.t.counter.reset();
      const r = await publish.gql(LIST);
      expect(r.errors).toBeUndefined();
      return publish.t.counter.statements.filter((s) => !/"api_keys"|"editions"/.test(s)).length;
    };
    const before = await count();
    for (let i = 0; i < 5; i++) {
      const extra = await meeting(`Ekstra ${i}`, {
        startsAt: '2021-09-14T09:00:00+02:00',
        endsAt: '2021-09-14T13:00:00+02:00',
      });
      expect((await set(extra, PRESS)).data!['setProgramme'].userErrors).toEqual([]);
    }
    expect(await count()).toBe(before);
  });

  it('goes with its venue', async () => {
    const db = publish.t.database.db;
    const rows = async () =>
      rowsOf<{ s: number; p: number }>(
        await db.execute(
          sql`SELECT (SELECT count(*) FROM programme_sessions)::int AS s, (SELECT count(*) FROM programme_speakers)::int AS p`,
        ),
      )[0]!;
    const before = await rows();
    await db.execute(sql`DELETE FROM locations WHERE name = 'Netværksmøde 14/9'`);
    const after = await rows();
    // One session with two speakers, and its chair.
    expect([before.s - after.s, before.p - after.p]).toEqual([1, 3]);
  });
});

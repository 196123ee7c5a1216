/**
 * Meetings across the year (#19): an edition that spans days — Altinget's integration network's
 * 2021 programme, from the døgnmøde at Kragerup Gods on 12 August to the meeting of 6 December —
 * holds meetings on their own days, one of them overnight; each meeting's time is confirmed, not
 * yet confirmed or postponed, publicly, in the API, the iCalendar feed and the edition's page.
 */
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/yoga.ts';
import {
  ALTINGET_2021,
  CREATE,
  sessionHeaders,
  UPDATE,
  UPSERT,
  usePublishFixture,
  venue,
} from './support.ts';

const publish = usePublishFixture();
const { keys, snapshot } = publish;

const EDITION = `mutation($input: CreateEditionInput!) {
  createEdition(input: $input) { edition { slug date endDate } userErrors { field message code } }
}`;
const MEETING = `query($id: ID!) { node(id: $id) { ... on Location { name schedule startsAt endsAt } } }`;

const PROGRAMME = ALTINGET_2021;

/** A meeting of the programme, as the network's organiser (asito in the fixture) enters it. */
const meeting = (extra: Record<string, unknown>) =>
  venue({
    edition: PROGRAMME.slug,
    name: 'Netværksmøde',
    coordinates: { lat: 55.6819, lng: 12.5858 },
    meal: 'BREAKFAST',
    address: { street: 'Ny Kongensgade 10', postalCode: '1472', city: 'København K' },
    ...extra,
  });

describe('an edition that spans days', () => {
  it('is opened with a last day, which the public reads; one day stays one day', async () => {
    const made = await publish.gql(EDITION, { input: PROGRAMME }, { key: keys['staff'] });
    expect(made.data!['createEdition']).toEqual({
      edition: { slug: 'altinget-2021', date: '2021-08-12', endDate: '2021-12-06' },
      userErrors: [],
    });
    const oneDay = await publish.gql(
      EDITION,
      { input: { slug: 'one-day', name: 'One day', date: '2027-03-01', endDate: '2027-03-01' } },
      { key: keys['staff'] },
    );
    expect(oneDay.data!['createEdition'].edition).toEqual({
      slug: 'one-day',
      date: '2027-03-01',
      endDate: null,
    });
    const read = await publish.gql(
      `{ editions { slug endDate } a: edition(slug: "altinget-2021") { endDate } }`,
    );
    expect(read.data!['a']).toEqual({ endDate: '2021-12-06' });
    expect(read.data!['editions']).toContainEqual({ slug: 'nid-test', endDate: null });
  });

  it('refuses a last day before the first, too far after it, or not a date; nothing changes', async () => {
    const before = await snapshot();
    const cases: [string, string][] = [
      ['2021-08-11', 'END_BEFORE_START'],
      ['2022-08-14', 'OUT_OF_RANGE'],
    ];
    for (const [endDate, code] of cases) {
      const r = await publish.gql(
        EDITION,
        {
          input: { ...PROGRAMME, slug: `bad-${code.toLowerCase().replaceAll('_', '-')}`, endDate },
        },
        { key: keys['staff'] },
      );
      expect(r.data!['createEdition']).toEqual({
        edition: null,
        userErrors: [expect.objectContaining({ field: ['endDate'], code })],
      });
    }
    // Not a date at all: the Date scalar refuses it before the mutation runs.
    const notADate = await publish.gql(
      EDITION,
      { input: { ...PROGRAMME, slug: 'bad-date', endDate: '2021-13-01' } },
      { key: keys['staff'] },
    );
    expect(notADate.errors?.[0]?.message).toMatch(/endDate/);
    expect(await snapshot()).toEqual(before);
  });
});

describe('meetings on their own days', () => {
  const ids: Record<string, string> = {};

  it('takes meetings on any of its days, the døgnmøde overnight, not yet confirmed', async () => {
    const created = await publish.gql(
      CREATE,
      {
        input: meeting({
          name: 'Det årlige døgnmøde',
          coordinates: { lat: 55.5126, lng: 11.4263 },
          address: { city: 'Kragerup Gods' },
          meal: 'DINNER',
          startsAt: '2021-08-12T08:30:00+02:00',
          endsAt: '2021-08-13T14:00:00+02:00',
          schedule: 'TENTATIVE',
        }),
      },
      { key: keys['asito'] },
    );
    expect(created.data!['createLocation'].userErrors).toEqual([]);
    ids['døgnmøde'] = created.data!['createLocation'].location.id;
    const december = await publish.gql(
      CREATE,
      {
        input: meeting({
          name: 'Sociale investeringer',
          startsAt: '2021-12-06T09:30:00+01:00',
          endsAt: '2021-12-06T12:30:00+01:00',
        }),
      },
      { key: keys['asito'] },
    );
    expect(december.data!['createLocation'].userErrors).toEqual([]);
    ids['december'] = december.data!['createLocation'].location.id;

    const read = await publish.gql(MEETING, { id: ids['døgnmøde'] });
    expect(read.data!['node']).toEqual({
      name: 'Det årlige døgnmøde',
      schedule: 'TENTATIVE',
      startsAt: '2021-08-12T06:30:00.000Z',
      endsAt: '2021-08-13T12:00:00.000Z',
    });
    expect((await publish.gql(MEETING, { id: ids['december'] })).data!['node']).toMatchObject({
      schedule: 'CONFIRMED',
    });
  });

  it('refuses a time outside the edition’s days, and a one-day edition still holds its day', async () => {
    const before = await snapshot();
    const late = await publish.gql(
      CREATE,
      { input: meeting({ startsAt: '2021-12-07T09:30:00+01:00' }) },
      { key: keys['asito'] },
    );
    expect(late.data!['createLocation'].userErrors).toEqual([
      expect.objectContaining({ field: ['startsAt'], code: 'OUTSIDE_EDITION_DATES' }),
    ]);
    // 00:30 on 12 August in Copenhagen is still 11 August in UTC: the edition's zone decides.
    const early = await publish.gql(
      CREATE,
      { input: meeting({ startsAt: '2021-08-11T23:30:00+02:00' }) },
      { key: keys['asito'] },
    );
    expect(early.data!['createLocation'].userErrors).toEqual([
      expect.objectContaining({ field: ['startsAt'], code: 'OUTSIDE_EDITION_DATES' }),
    ]);
    const overnight = await publish.gql(
      CREATE,
      {
        input: {
          edition: 'nid-test',
          name: 'Tot de ochtend',
          coordinates: { lat: 52.37, lng: 4.89 },
          meal: 'DINNER',
          startsAt: '2027-10-14T19:00:00+02:00',
          endsAt: '2027-10-15T01:00:00+02:00',
        },
      },
      { key: keys['asito'] },
    );
    expect(overnight.data!['createLocation'].userErrors).toEqual([
      expect.objectContaining({ field: ['endsAt'], code: 'NOT_ON_EDITION_DAY' }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('confirms, postpones, refuses an unknown status, and a bulk list sets it too', async () => {
    const confirmed = await publish.gql(
      UPDATE,
      { input: { id: ids['døgnmøde'], schedule: 'CONFIRMED' } },
      { key: keys['asito'] },
    );
    expect(confirmed.data!['updateLocation'].userErrors).toEqual([]);
    expect((await publish.gql(MEETING, { id: ids['døgnmøde'] })).data!['node']).toMatchObject({
      schedule: 'CONFIRMED',
    });
    const before = await snapshot();
    const unknown = await publish.gql(
      UPDATE,
      { input: { id: ids['døgnmøde'], schedule: 'MAYBE' } },
      { key: keys['asito'] },
    );
    expect(unknown.errors?.[0]?.message).toMatch(/Schedule/);
    expect(await snapshot()).toEqual(before);

    const bulk = await publish.gql(
      UPSERT,
      {
        input: {
          edition: PROGRAMME.slug,
          locations: [
            {
              ...meeting({
                name: 'Pressens rolle og ansvar på integrationsområdet',
                startsAt: '2021-09-14T09:30:00+02:00',
                endsAt: '2021-09-14T12:30:00+02:00',
                schedule: 'POSTPONED',
              }),
              edition: undefined,
              externalId: 'altinget-2021-09-14',
            },
          ],
        },
      },
      { key: keys['asito'] },
    );
    expect(bulk.data!['upsertLocations']).toMatchObject({ created: 1, userErrors: [] });
  });

  it('copies a programme into next year’s, each meeting as many days after the first', async () => {
    const next = await publish.gql(
      EDITION,
      {
        input: {
          ...PROGRAMME,
          slug: 'altinget-2022',
          name: 'Altingets integrationspolitiske netværk 2022',
          date: '2022-08-11',
          endDate: '2022-12-05',
        },
      },
      { key: keys['staff'] },
    );
    expect(next.data!['createEdition'].userErrors).toEqual([]);
    const copied = await publish.gql(
      `mutation($input: CopyLocationsInput!) { copyLocations(input: $input) { copied { name startsAt endsAt schedule } userErrors { code } } }`,
      { input: { from: 'altinget-2021', to: 'altinget-2022' } },
      { key: keys['asito'] },
    );
    expect(copied.data!['copyLocations'].userErrors).toEqual([]);
    const byName = Object.fromEntries(
      copied.data!['copyLocations'].copied.map((c: { name: string }) => [c.name, c]),
    );
    // 6 December 2021 was 116 days after 12 August; 116 days after 11 August 2022 is 5 December.
    expect(byName['Sociale investeringer']).toMatchObject({
      startsAt: '2022-12-05T08:30:00.000Z',
      endsAt: '2022-12-05T11:30:00.000Z',
    });
    expect(byName['Det årlige døgnmøde']).toMatchObject({
      startsAt: '2022-08-11T06:30:00.000Z',
      endsAt: '2022-08-12T12:00:00.000Z',
    });
  });

  it('postponed, the programme keeps its length', async () => {
    const postponed = await publish.gql(
      `mutation($input: PostponeEditionInput!) { postponeEdition(input: $input) { edition { date endDate } userErrors { code } } }`,
      { input: { edition: 'altinget-2022', reason: 'Storm', date: '2022-08-18' } },
      { headers: sessionHeaders(publish.sessions['adminPerson']!) },
    );
    expect(postponed.data!['postponeEdition']).toEqual({
      edition: { date: '2022-08-18', endDate: '2022-12-12' },
      userErrors: [],
    });
  });

  it('a host link of such an edition works until the morning after its last day', async () => {
    const made = await publish.gql(
      EDITION,
      {
        input: {
          ...PROGRAMME,
          slug: 'altinget-2027',
          name: 'Altingets integrationspolitiske netværk 2027',
          date: '2027-02-01',
          endDate: '2027-12-06',
        },
      },
      { key: keys['staff'] },
    );
    expect(made.data!['createEdition'].userErrors).toEqual([]);
    const created = await publish.gql(
      CREATE,
      { input: meeting({ edition: 'altinget-2027', startsAt: '2027-03-02T09:30:00+01:00' }) },
      { key: keys['asito'] },
    );
    expect(created.data!['createLocation'].userErrors).toEqual([]);
    const link = await publish.gql(
      `mutation($input: CreateHostLinkInput!) { createHostLink(input: $input) { expiresAt userErrors { code } } }`,
      { input: { location: created.data!['createLocation'].location.id } },
      { key: keys['asito'] },
    );
    // 6 December is the last day: the link works until 7 December, 06:00 in Copenhagen (CET).
    expect(link.data!['createHostLink']).toEqual({
      expiresAt: '2027-12-07T05:00:00.000Z',
      userErrors: [],
    });
  });

  it('publishes each meeting in iCalendar on its own days, with its status', async () => {
    const app = createApp({ database: publish.t.database, publicApi: { rateLimit: false } });
    const response = await app.fetch(`http://tafel.test/editions/${PROGRAMME.slug}/locations.ics`);
    expect(response.status).toBe(200);
    const parsed = ical.sync.parseICS(await response.text());
    const events = Object.values(parsed).filter((c) => c?.type === 'VEVENT') as VEvent[];
    const byName = new Map(events.map((e) => [String(e.summary).replace(/^[^:]+: /, ''), e]));
    const overnight = byName.get('Det årlige døgnmøde')!;
    expect(new Date(overnight.start).toISOString()).toBe('2021-08-12T06:30:00.000Z');
    expect(new Date(overnight.end!).toISOString()).toBe('2021-08-13T12:00:00.000Z');
    expect(overnight.status).toBe('CONFIRMED');
    const postponed = byName.get('Pressens rolle og ansvar på integrationsområdet')!;
    expect(postponed.status).toBe('TENTATIVE');
    expect(String(postponed.description)).toContain('Postponed');
    expect(byName.get('Sociale investeringer')!.status).toBe('CONFIRMED');
  });
});

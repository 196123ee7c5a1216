/**
 * The facts of a table (issue 20): interpreters and their languages, support present, cooked by
 * the guests, access (wheelchair, hearing loop, a note) and the description in several languages —
 * through createLocation, updateLocation, the bulk upsert, the CSV import, a copy into the next
 * edition and the open data; and the filters on them wherever a LocationFilter is taken (the
 * compiled list, a box, stats). Bad input is refused with userErrors and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { createClient, refusedUnchanged, UPSERT, usePublishFixture, venue } from './support.ts';

const f = usePublishFixture();

const FACTS = `interpreters interpreterLanguages support cookedByGuests wheelchairAccessible hearingLoop accessibilityNote description descriptions { lang text }`;
const CREATE_FACTS = `mutation($input: CreateLocationInput!) { createLocation(input: $input) { location { id ${FACTS} } userErrors { field message code } } }`;
const IMPORT = `mutation ($input: ImportLocationsInput!) { importLocations(input: $input) { created updated unchanged problems { line column message code } userErrors { field code } } }`;

const DEN_BOSCH = {
  interpreters: 4,
  interpreterLanguages: ['ar', 'TI'],
  support: ['  Werkgeversservicepunt ', 'Vluchtelingenwerk'],
  cookedByGuests: true,
  wheelchairAccessible: true,
  hearingLoop: false,
  accessibilityNote: 'Lift naar de eerste verdieping.',
  description: 'Werkgevers en statushouders aan één tafel.',
  descriptions: [
    { lang: 'en', text: 'Employers and status holders at one table.' },
    { lang: 'ar', text: 'أصحاب العمل وحاملو الإقامة على طاولة واحدة.' },
  ],
};

async function create(extra: Record<string, unknown>) {
  const r = await f.gql(CREATE_FACTS, { input: venue(extra) }, { key: f.keys['asito'] });
  expect(r.errors).toBeUndefined();
  return r.data!['createLocation'];
}

describe('the facts of a table: createLocation and updateLocation', () => {
  it('a venue states its interpreters, support, cooks, access and translations', async () => {
    const made = await create({ name: 'Feitentafel Den Bosch', ...DEN_BOSCH });
    expect(made.userErrors).toEqual([]);
    expect(made.location).toMatchObject({
      interpreters: 4,
      interpreterLanguages: ['ar', 'ti'],
      support: ['Werkgeversservicepunt', 'Vluchtelingenwerk'],
      cookedByGuests: true,
      wheelchairAccessible: true,
      hearingLoop: false,
      accessibilityNote: 'Lift naar de eerste verdieping.',
      descriptions: DEN_BOSCH.descriptions,
    });
    // The description in a language: its translation, else the original.
    const read = await f.gql(
      `query($id: ID!) { node(id: $id) { ... on Location { en: description(lang: "en") ar: description(lang: "AR") de: description(lang: "de") original: description } } }`,
      { id: made.location.id },
    );
    expect(read.data!['node']).toEqual({
      en: DEN_BOSCH.descriptions[0]!.text,
      ar: DEN_BOSCH.descriptions[1]!.text,
      de: DEN_BOSCH.description,
      original: DEN_BOSCH.description,
    });
    // Left out, the facts are not stated.
    const plain = await create({ name: 'Feitenloze tafel' });
    expect(plain.location).toMatchObject({
      interpreters: null,
      interpreterLanguages: [],
      support: [],
      cookedByGuests: false,
      hearingLoop: null,
      accessibilityNote: null,
      descriptions: [],
    });
  });

  it('refuses interpreter languages without interpreters, and every bad fact, changing nothing', async () => {
    const send = (extra: Record<string, unknown>) => () =>
      f.gql(CREATE_FACTS, { input: venue(extra) }, { key: f.keys['asito'] });
    const errors = (d: any) => d.createLocation.userErrors;
    await refusedUnchanged(f, send({ interpreterLanguages: ['ar'] }), errors, [
      { field: ['interpreterLanguages'], code: 'INTERPRETERS_REQUIRED' },
    ]);
    await refusedUnchanged(f, send({ interpreters: 0, interpreterLanguages: ['ar'] }), errors, [
      { field: ['interpreterLanguages'], code: 'INTERPRETERS_REQUIRED' },
    ]);
    await refusedUnchanged(f, send({ interpreters: 51 }), errors, [
      { field: ['interpreters'], code: 'OUT_OF_RANGE' },
    ]);
    await refusedUnchanged(f, send({ interpreters: 2, interpreterLanguages: ['arabic'] }), errors, [
      { field: ['interpreterLanguages', 0], code: 'INVALID' },
    ]);
    await refusedUnchanged(f, send({ support: ['A', 'B', 'C', 'D', 'E', 'F'] }), errors, [
      { field: ['support'], code: 'TOO_LONG' },
    ]);
    await refusedUnchanged(f, send({ support: ['UWV', '  '] }), errors, [
      { field: ['support', 1], code: 'REQUIRED' },
    ]);
    await refusedUnchanged(f, send({ support: ['x'.repeat(121)] }), errors, [
      { field: ['support', 0], code: 'TOO_LONG' },
    ]);
    await refusedUnchanged(f, send({ accessibilityNote: 'x'.repeat(301) }), errors, [
      { field: ['accessibilityNote'], code: 'TOO_LONG' },
    ]);
    await refusedUnchanged(
      f,
      send({
        descriptions: [
          { lang: 'en', text: 'One' },
          { lang: 'EN', text: 'Two' },
          { lang: 'english', text: 'Three' },
          { lang: 'de', text: 'x'.repeat(2001) },
        ],
      }),
      errors,
      [
        { field: ['descriptions', 1, 'lang'], code: 'DUPLICATE' },
        { field: ['descriptions', 2, 'lang'], code: 'INVALID' },
        { field: ['descriptions', 3, 'text'], code: 'TOO_LONG' },
      ],
    );
  });

  it('updateLocation changes what is sent, keeps the rest, and checks against the venue’s own', async () => {
    const made = await create({ name: 'Feitentafel bijwerken', ...DEN_BOSCH });
    const id = made.location.id;
    const update = (input: Record<string, unknown>) =>
      f.gql(
        `mutation($input: UpdateLocationInput!) { updateLocation(input: $input) { location { ${FACTS} } userErrors { field message code } } }`,
        { input: { id, ...input } },
        { key: f.keys['asito'] },
      );
    const more = await update({ interpreters: 2, hearingLoop: true });
    expect(more.data!['updateLocation'].userErrors).toEqual([]);
    expect(more.data!['updateLocation'].location).toMatchObject({
      interpreters: 2,
      interpreterLanguages: ['ar', 'ti'],
      hearingLoop: true,
      support: ['Werkgeversservicepunt', 'Vluchtelingenwerk'],
      descriptions: DEN_BOSCH.descriptions,
    });
    // No interpreters left while the venue still offers their languages: refused.
    await refusedUnchanged(
      f,
      () => update({ interpreters: 0 }),
      (d) => d.updateLocation.userErrors,
      [{ field: ['interpreters'], code: 'INTERPRETERS_REQUIRED' }],
    );
    const none = await update({ interpreters: null, interpreterLanguages: [], descriptions: [] });
    expect(none.data!['updateLocation'].userErrors).toEqual([]);
    expect(none.data!['updateLocation'].location).toMatchObject({
      interpreters: null,
      interpreterLanguages: [],
      descriptions: [],
      cookedByGuests: true,
    });
  });
});

describe('the facts of a table: the bulk upsert, the CSV import and a copy', () => {
  const row = (externalId: string, extra: Record<string, unknown> = {}) => ({
    externalId,
    name: `Feitentafel ${externalId}`,
    coordinates: { lat: 52.37, lng: 4.89 },
    meal: 'DINNER',
    address: { city: 'Amsterdam', region: 'NL-NH' },
    ...extra,
  });
  const upsert = (locations: unknown[]) =>
    f.gql(UPSERT, { input: { edition: 'nid-test', locations } }, { key: f.keys['asito'] });
  const byExternalId = async (externalId: string) => {
    const r = await f.gql(
      `{ locations(edition: "nid-test", first: 100) { nodes { externalId ${FACTS} } } }`,
      {},
      { key: f.keys['asito'] },
    );
    return r.data!['locations'].nodes.find((n: any) => n.externalId === externalId);
  };

  it('a row states the facts; a row that leaves them out keeps the venue’s', async () => {
    const first = await upsert([row('facts-1', DEN_BOSCH)]);
    expect(first.data!['upsertLocations']).toMatchObject({ created: 1, userErrors: [] });
    // (wheelchairAccessible is older: a whole row states it, as it states languages.)
    const again = await upsert([
      row('facts-1', { description: DEN_BOSCH.description, wheelchairAccessible: true }),
    ]);
    expect(again.data!['upsertLocations']).toMatchObject({ unchanged: 1, userErrors: [] });
    expect(await byExternalId('facts-1')).toMatchObject({
      interpreters: 4,
      interpreterLanguages: ['ar', 'ti'],
      support: ['Werkgeversservicepunt', 'Vluchtelingenwerk'],
      cookedByGuests: true,
      hearingLoop: false,
      descriptions: DEN_BOSCH.descriptions,
    });
    await refusedUnchanged(
      f,
      () =>
        upsert([
          row('facts-2', { interpreterLanguages: ['fa'] }),
          row('facts-3', { support: [''], interpreters: -1 }),
        ]),
      (d) => d.upsertLocations.userErrors,
      [
        { field: ['locations', 0, 'interpreterLanguages'], code: 'INTERPRETERS_REQUIRED' },
        { field: ['locations', 1, 'interpreters'], code: 'OUT_OF_RANGE' },
        { field: ['locations', 1, 'support', 0], code: 'REQUIRED' },
      ],
    );
  });

  it('imports the facts’ columns and description_<language>; bad cells by line and column', async () => {
    const header =
      'external_id,name,lat,lng,meal,interpreters,interpreter_languages,support,cooked_by_guests,hearing_loop,accessibility_note,description,description_en,description_de';
    const send = (csv: string) =>
      f.gql(
        IMPORT,
        { input: { edition: 'nid-test', organisation: 'asito', csv } },
        { key: f.keys['staff'] },
      );
    const good = await send(
      `${header}\nfacts-csv,Diner in Den Bosch,51.69,5.30,DINNER,4,ar;ti,Werkgeversservicepunt;UWV,ja,nee,Drempelvrij,Samen eten,Eating together,`,
    );
    expect(good.data!['importLocations']).toMatchObject({ created: 1, problems: [] });
    expect(await byExternalId('facts-csv')).toMatchObject({
      interpreters: 4,
      interpreterLanguages: ['ar', 'ti'],
      support: ['Werkgeversservicepunt', 'UWV'],
      cookedByGuests: true,
      hearingLoop: false,
      accessibilityNote: 'Drempelvrij',
      description: 'Samen eten',
      descriptions: [{ lang: 'en', text: 'Eating together' }],
    });
    // A file without the facts' columns keeps them.
    const short = await send(
      `external_id,name,lat,lng,meal,description\nfacts-csv,Diner in Den Bosch,51.69,5.30,DINNER,Samen eten`,
    );
    expect(short.data!['importLocations']).toMatchObject({ unchanged: 1, problems: [] });
    const problems = (d: any) =>
      d.importLocations.problems.map((p: any) => ({ field: [p.line, p.column], code: p.code }));
    await refusedUnchanged(
      f,
      () =>
        send(
          `${header}\nfacts-csv-2,Een,51.69,5.30,DINNER,,fa,,,,,,,${'x'.repeat(2001)}\nfacts-csv-3,Twee,51.69,5.30,DINNER,60,,,,,,,,`,
        ),
      problems,
      [
        { field: [2, 'interpreter_languages'], code: 'INTERPRETERS_REQUIRED' },
        { field: [2, 'description_de'], code: 'TOO_LONG' },
        { field: [3, 'interpreters'], code: 'OUT_OF_RANGE' },
      ],
    );
    await refusedUnchanged(
      f,
      () => send(`${header}\nfacts-csv-3,Twee,51.69,5.30,DINNER,,,,misschien,,,,,`),
      problems,
      [{ field: [2, 'cooked_by_guests'], code: 'INVALID' }],
    );
  });

  it('a venue copied into the next edition keeps its facts', async () => {
    await create({ name: 'Feitentafel vorig jaar', ...DEN_BOSCH });
    const next = await f.gql(
      `mutation($input: CreateEditionInput!) { createEdition(input: $input) { userErrors { message } } }`,
      { input: { slug: 'facts-next', name: 'Volgend jaar', date: '2028-10-12' } },
      { key: f.keys['staff'] },
    );
    expect(next.data!['createEdition'].userErrors).toEqual([]);
    const copied = await f.gql(
      `mutation($input: CopyLocationsInput!) { copyLocations(input: $input) { copied { name ${FACTS} } userErrors { code } } }`,
      { input: { from: 'nid-test', to: 'facts-next' } },
      { key: f.keys['asito'] },
    );
    expect(copied.data!['copyLocations'].userErrors).toEqual([]);
    const copy = copied.data!['copyLocations'].copied.find(
      (c: { name: string }) => c.name === 'Feitentafel vorig jaar',
    );
    expect(copy).toMatchObject({
      interpreters: 4,
      interpreterLanguages: ['ar', 'ti'],
      support: ['Werkgeversservicepunt', 'Vluchtelingenwerk'],
      cookedByGuests: true,
      wheelchairAccessible: true,
      hearingLoop: false,
      accessibilityNote: DEN_BOSCH.accessibilityNote,
      descriptions: DEN_BOSCH.descriptions,
    });
  });

  it('the open data carry the facts (GeoJSON and CSV)', async () => {
    const { app } = createClient(f.t.database);
    const geo = await (
      await app.fetch('http://tafel.test/editions/nid-test/locations.geojson')
    ).json();
    const feature = geo.features.find((x: any) => x.properties.name === 'Feitentafel Den Bosch');
    expect(feature.properties).toMatchObject({
      interpreters: 4,
      interpreterLanguages: ['ar', 'ti'],
      support: ['Werkgeversservicepunt', 'Vluchtelingenwerk'],
      cookedByGuests: true,
      hearingLoop: false,
      accessibilityNote: DEN_BOSCH.accessibilityNote,
      descriptions: DEN_BOSCH.descriptions,
    });
    const csv = await (await app.fetch('http://tafel.test/editions/nid-test/locations.csv')).text();
    const header = csv.split('\n')[0]!;
    for (const column of [
      'hearingLoop',
      'accessibilityNote',
      'interpreters',
      'interpreterLanguages',
      'support',
      'cookedByGuests',
      'descriptions',
    ])
      expect(header.split(',')).toContain(column);
    expect(csv).toContain('Werkgeversservicepunt;Vluchtelingenwerk');
    expect(csv).toContain('en: Employers and status holders at one table.');
  });
});

describe('filters on the facts', () => {
  // Venues of their own, all named "Filtertafel", so the search keeps the fixture's out.
  const TABLES: Record<string, Record<string, unknown>> = {
    'Filtertafel A': {
      languages: ['nl', 'ar'],
      interpreters: 2,
      interpreterLanguages: ['ar'],
      wheelchairAccessible: true,
      hearingLoop: true,
      cookedByGuests: true,
      coordinates: { lat: 52.09, lng: 5.12 },
      address: { city: 'Utrecht', region: 'NL-UT' },
    },
    'Filtertafel B': {
      languages: ['nl', 'tr'],
      interpreters: 1,
      interpreterLanguages: ['tr'],
      wheelchairAccessible: false,
      coordinates: { lat: 51.69, lng: 5.3 },
      address: { city: "'s-Hertogenbosch", region: 'NL-NB' },
    },
    'Filtertafel C': {
      languages: ['nl'],
      interpreters: 0,
      hearingLoop: false,
      capacity: 30,
      coordinates: { lat: 52.37, lng: 4.89 },
      address: { city: 'Amsterdam', region: 'NL-NH' },
    },
  };
  const LIST = `query($filter: LocationFilter) { locations(edition: "nid-test", filter: $filter, first: 50) { totalCount nodes { name interpreters description(lang: "en") } } stats(edition: "nid-test", filter: $filter) { locations capacity } }`;

  it('narrows the list, its count, a box and stats alike', async () => {
    for (const [name, facts] of Object.entries(TABLES)) {
      const made = await create({ name, ...facts });
      expect(made.userErrors).toEqual([]);
    }
    const names = async (filter: Record<string, unknown>) => {
      const r = await f.gql(LIST, { filter: { search: 'Filtertafel', ...filter } });
      expect(r.errors).toBeUndefined();
      const list = r.data!['locations'];
      expect(list.totalCount).toBe(list.nodes.length);
      expect(r.data!['stats'].locations).toBe(list.nodes.length);
      return list.nodes.map((n: { name: string }) => n.name.slice(-1)).sort();
    };
    expect(await names({})).toEqual(['A', 'B', 'C']);
    expect(await names({ languages: ['AR', 'tr'] })).toEqual(['A', 'B']);
    expect(await names({ languages: ['fa'] })).toEqual([]);
    expect(await names({ interpreter: true })).toEqual(['A', 'B']);
    expect(await names({ interpreter: false })).toEqual(['C']);
    expect(await names({ interpreterLanguage: 'tr' })).toEqual(['B']);
    expect(await names({ wheelchairAccessible: true })).toEqual(['A']);
    expect(await names({ wheelchairAccessible: false })).toEqual(['B']);
    expect(await names({ hearingLoop: true })).toEqual(['A']);
    expect(await names({ hearingLoop: false })).toEqual(['C']);
    expect(await names({ cookedByGuests: true })).toEqual(['A']);
    expect(await names({ cookedByGuests: false })).toEqual(['B', 'C']);
    expect(
      await names({ languages: ['nl'], bbox: { south: 51.5, west: 5, north: 52.2, east: 5.5 } }),
    ).toEqual(['A', 'B']);
    expect(
      await names({
        interpreter: true,
        bbox: { south: 51.5, west: 5, north: 52.2, east: 5.5 },
        near: { lat: 51.69, lng: 5.3, radiusKm: 10 },
      }),
    ).toEqual(['B']);
  });

  it('the compiled list answers as the resolvers do, description(lang:) too', async () => {
    const fields = `name ${FACTS.replace('descriptions { lang text }', '')} en: description(lang: "en") ar: description(lang: "ar")`;
    const compiled = await f.gql(
      `{ locations(edition: "nid-test", filter: { search: "Feitentafel Den Bosch" }) { nodes { id ${fields} } } }`,
    );
    const [node] = compiled.data!['locations'].nodes;
    const resolved = await f.gql(
      `query($id: ID!) { node(id: $id) { ... on Location { id ${fields} } } }`,
      {
        id: node.id,
      },
    );
    expect(node).toEqual(resolved.data!['node']);
    expect(node.en).toBe(DEN_BOSCH.descriptions[0]!.text);
  });

  it('refuses a language that is no ISO 639 code', async () => {
    const r = await f.gql(LIST, { filter: { languages: ['Arabic'] } });
    expect(r.errors?.[0]?.message).toMatch(/filter\.languages\[0\].*ISO 639/);
    const one = await f.gql(LIST, { filter: { interpreterLanguage: 'x' } });
    expect(one.errors?.[0]?.message).toMatch(/filter\.interpreterLanguage/);
  });
});

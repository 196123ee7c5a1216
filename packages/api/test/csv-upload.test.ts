/**
 * `importLocations`, the portal's spreadsheet upload: a too-large file and a formula in a cell are
 * refused by line and column and change nothing; a dry run changes nothing; the same text saved
 * creates the venues; a coordinator imports only into their own organisation.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { looksLikeFormula } from '../src/locations/csv.ts';
import { IMPORT_MAX_BYTES } from '../src/locations/csv-import.ts';
import { rowsOf } from '../src/locations/stats.ts';
import {
  createClient,
  openTestDatabase,
  personSession,
  seedFixture,
  sessionHeaders,
  type TestDb,
} from './support.ts';

let t: TestDb;
let fx: Awaited<ReturnType<typeof seedFixture>>;
let gql: ReturnType<typeof createClient>['gql'];
let asito: { headers: Record<string, string> };

const IMPORT = `mutation ($input: ImportLocationsInput!) {
  importLocations(input: $input) {
    dryRun created updated unchanged
    problems { line column message code }
    userErrors { field message code }
  }
}`;
const HEADER = 'external_id,name,lat,lng,meal,starts_at,description';
const GOOD = [
  HEADER,
  'up-1,Soep in de kerk,52.09,5.12,DINNER,18:00,Samen eten',
  'up-2,Lunch aan zee,52.1,4.27,LUNCH,12:00,-',
].join('\n');

async function count(): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await t.database.db.execute(
      sql`SELECT count(*)::int AS n FROM locations WHERE external_id LIKE 'up-%'`,
    ),
  );
  return row!.n;
}

beforeAll(async () => {
  t = await openTestDatabase();
  fx = await seedFixture(t.database);
  gql = createClient(t.database).gql;
  asito = {
    headers: sessionHeaders(
      await personSession(t.database, {
        email: 'import@asito.example',
        organisationId: fx.asito.id,
      }),
    ),
  };
});
afterAll(async () => {
  await t.close();
});

type Payload = {
  importLocations: {
    dryRun: boolean;
    created: number;
    problems: { line: number | null; column: string | null; message: string; code: string }[];
    userErrors: { field: string[]; code: string }[];
  };
};
const send = (input: Record<string, unknown>, options = asito) =>
  gql<Payload>(IMPORT, { input: { edition: 'nid-test', ...input } }, options);

describe('importLocations', () => {
  it('tells a formula from a negative number', () => {
    for (const cell of ['=1+2', '+HYPERLINK("x")', '-2+3', '@SUM(A1)', '=cmd|x', '- vegan'])
      expect(looksLikeFormula(cell), cell).toBe(true);
    for (const cell of ['-3.25', '+4', '-4,2', '12', 'Soep', '', 'a=b', '-'])
      expect(looksLikeFormula(cell), cell).toBe(false);
  });

  it('refuses a formula in a cell by line and column, and changes nothing', async () => {
    const text = [
      HEADER,
      'up-1,"=HYPERLINK(""http://evil.example"")",52.09,5.12,DINNER,18:00,ok',
      'up-2,Lunch,-0.5,-3.25,LUNCH,12:00,@SUM(A1:A2)',
    ].join('\n');
    const { data } = await send({ csv: text });
    const problems = data!.importLocations.problems;
    expect(problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [2, 'name', 'FORMULA'],
      [3, 'description', 'FORMULA'],
    ]);
    expect(problems[0]!.message).toMatch(/formula/);
    expect(data!.importLocations.userErrors.map((e) => e.field)).toEqual([
      ['csv', '2', 'name'],
      ['csv', '3', 'description'],
    ]);
    expect(await count()).toBe(0);
  });

  it('refuses a file larger than the limit with a clear message, and changes nothing', async () => {
    const filler = `${'x'.repeat(IMPORT_MAX_BYTES)}`;
    const { data } = await send({ csv: `${GOOD}\n${filler}` });
    expect(data!.importLocations.problems).toEqual([
      expect.objectContaining({ line: null, column: null, code: 'TOO_LARGE' }),
    ]);
    expect(data!.importLocations.problems[0]!.message).toMatch(/at most 5,000,000/);
    expect(await count()).toBe(0);
  });

  it('reports every bad row of a dry run by line and column; a dry run of a good file changes nothing; saving does', async () => {
    const bad = [
      HEADER,
      'up-1,Soep,52.09,5.12,DINNER,18:00,ok',
      'up-2,Lunch,abc,5.1,LUNCH,12:00,ok',
      'up-3,Ontbijt,52.1,5.1,BRUNCH,08:00,ok',
      'up-4,,52.1,5.1,LUNCH,25:00,ok',
    ].join('\n');
    const refused = (await send({ csv: bad, dryRun: true })).data!.importLocations;
    expect(refused.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'lat'],
      [5, 'starts_at'],
    ]);
    // Once the file parses, the upsert's own checks name their line and column too.
    const fixedParse = bad.replace('abc', '52.2').replace('25:00', '13:00');
    const checked = (await send({ csv: fixedParse, dryRun: true })).data!.importLocations;
    expect(checked.problems.map((p) => [p.line, p.column])).toEqual([
      [4, 'meal'],
      [5, 'name'],
    ]);
    expect(await count()).toBe(0);

    const dry = (await send({ csv: GOOD, dryRun: true })).data!.importLocations;
    expect(dry).toMatchObject({ dryRun: true, created: 2, problems: [], userErrors: [] });
    expect(await count()).toBe(0);

    const saved = (await send({ csv: GOOD })).data!.importLocations;
    expect(saved).toMatchObject({ dryRun: false, created: 2, problems: [], userErrors: [] });
    expect(await count()).toBe(2);
    const again = (await send({ csv: GOOD })).data!.importLocations;
    expect(again).toMatchObject({ created: 0, unchanged: 2 });
  });

  it('lets a coordinator import only into their own organisation', async () => {
    const { data } = await send({
      csv: GOOD.replaceAll('up-', 'up-other-'),
      organisation: fx.utrecht.slug,
    });
    expect(data!.importLocations.userErrors).toEqual([
      expect.objectContaining({ field: ['organisation'], code: 'FORBIDDEN' }),
    ]);
    const [row] = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`SELECT count(*)::int AS n FROM locations WHERE external_id LIKE 'up-other-%'`,
      ),
    );
    expect(row!.n).toBe(0);
    const anonymous = await gql<Payload>(IMPORT, { input: { edition: 'nid-test', csv: GOOD } });
    expect(anonymous.data?.importLocations ?? null).toBeNull();
    expect(anonymous.errors?.length).toBeGreaterThan(0);
  });
});

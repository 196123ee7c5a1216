import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createClient, openTestDatabase } from './support.ts';

describe('a fault of the server', () => {
  it('is masked: a generic message, no stack, no SQL, no internals', async () => {
    const t = await openTestDatabase();
    const { gql } = createClient(t.database);
    // Break the database under the API: every query now fails inside the server.
    await t.database.db.execute(sql`DROP TABLE editions CASCADE`);
    const r = await gql(`{ editions { slug name } }`);
    await t.close();
    expect(r.errors?.length).toBeGreaterThan(0);
    const text = JSON.stringify(r.errors);
    expect(text).toMatch(/Unexpected error/);
    expect(text).not.toMatch(/relation|select |does not exist|stack|drizzle|\.ts:\d+/i);
  });
});

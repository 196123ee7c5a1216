/**
 * The demo's sign-in that `pnpm start` prints: a demo admin and a demo coordinator whose links
 * sign in, made again at every start without duplicating anyone — and never outside the embedded
 * demo or in production.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useLink } from '../src/auth/people.ts';
import { DEFAULT_SESSION_LIMITS, sessionViewer } from '../src/auth/sessions.ts';
import {
  DEMO_ADMIN,
  DEMO_COORDINATOR,
  demoSignIn,
  demoSignInAllowed,
} from '../src/cli/demo-sign-in.ts';
import { locations, organisations, people } from '../src/db/schema.ts';
import { generateDemo } from '../src/demo/generate.ts';
import { loadDemo } from '../src/demo/load.ts';
import { openTestDatabase, type TestDb } from './support.ts';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDatabase();
  await loadDemo(t.database.db, generateDemo());
}, 120_000);
afterAll(() => t.close());

const token = (link: string) => new URL(link).searchParams.get('token') ?? '';

describe('the demo sign-in', () => {
  it('is only for the embedded demo outside production', () => {
    expect(demoSignInAllowed({}, true)).toBe(true);
    expect(demoSignInAllowed({ NODE_ENV: 'production' }, true)).toBe(false);
    expect(demoSignInAllowed({ TAFEL_DEMO: 'off' }, true)).toBe(false);
    expect(demoSignInAllowed({}, false)).toBe(false);
  });

  it('prints links that sign in the demo admin and a coordinator of an organisation with about 20 venues', async () => {
    const first = await demoSignIn(t.database.db, 'http://localhost:4000', 'nid-2027');
    expect(first.admin).toMatch(/^http:\/\/localhost:4000\/manage\/link\?token=/);
    const admin = await useLink(t.database.db, token(first.admin), DEFAULT_SESSION_LIMITS);
    const coordinator = await useLink(
      t.database.db,
      token(first.coordinator),
      DEFAULT_SESSION_LIMITS,
    );
    if (!admin.ok || !coordinator.ok) throw new Error('a demo link did not sign in');
    const adminViewer = await sessionViewer(
      t.database.db,
      admin.session.token,
      DEFAULT_SESSION_LIMITS,
    );
    expect(adminViewer?.role).toBe('admin');
    const coordinatorViewer = await sessionViewer(
      t.database.db,
      coordinator.session.token,
      DEFAULT_SESSION_LIMITS,
    );
    expect(coordinatorViewer?.organisation?.slug).toBe(first.organisation);
    const [org] = await t.database.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.slug, first.organisation));
    const venues = await t.database.db
      .select({ id: locations.id })
      .from(locations)
      .where(eq(locations.organisationId, org!.id));
    expect(venues.length).toBeGreaterThanOrEqual(10);

    // The next start: new links, the same two people.
    const second = await demoSignIn(t.database.db, 'http://localhost:4000', 'nid-2027');
    expect(second.admin).not.toBe(first.admin);
    expect(second.organisation).toBe(first.organisation);
    const demoPeople = await t.database.db.select({ email: people.email }).from(people);
    expect(demoPeople.map((p) => p.email).sort()).toEqual([
      DEMO_ADMIN.email,
      DEMO_COORDINATOR.email,
    ]);
  });
});

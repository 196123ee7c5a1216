/**
 * The demo's sign-in, for `pnpm start` on the embedded demo only: a demo admin and a demo
 * coordinator (of the demo organisation whose venue count is nearest 20), each with a fresh
 * invitation link printed at every start. Never in production: the server calls this only for
 * the embedded PGlite demo outside NODE_ENV=production, so these people exist nowhere else.
 */
import { and, eq, sql } from 'drizzle-orm';
import { invitePerson, linkUrl } from '../auth/people.ts';
import type { Db } from '../db/client.ts';
import { editions, locations, organisations } from '../db/schema.ts';

export const DEMO_ADMIN = { email: 'admin@demo.tafel.test', name: 'Demo Admin' } as const;
export const DEMO_COORDINATOR = {
  email: 'coordinator@demo.tafel.test',
  name: 'Demo Coordinator',
} as const;

export interface DemoSignIn {
  admin: string;
  coordinator: string;
  organisation: string;
}

/** Whether this process may make the demo's people: the embedded demo, not production. */
export function demoSignInAllowed(env: NodeJS.ProcessEnv, embedded: boolean): boolean {
  return embedded && env['NODE_ENV'] !== 'production' && env['TAFEL_DEMO'] !== 'off';
}

export async function demoSignIn(db: Db, publicUrl: string, edition: string): Promise<DemoSignIn> {
  const [organisation] = await db
    .select({ id: organisations.id, slug: organisations.slug })
    .from(organisations)
    .innerJoin(locations, eq(locations.organisationId, organisations.id))
    .innerJoin(editions, and(eq(editions.id, locations.editionId), eq(editions.slug, edition)))
    .groupBy(organisations.id, organisations.slug)
    .orderBy(sql`abs(count(*) - 20)`, organisations.slug)
    .limit(1);
  if (!organisation) throw new Error(`the demo edition ${edition} has no organisations`);
  const admin = await invitePerson(db, 'operator', { ...DEMO_ADMIN, role: 'admin' });
  const coordinator = await invitePerson(db, 'operator', {
    ...DEMO_COORDINATOR,
    organisationId: organisation.id,
  });
  if (!admin.ok || !coordinator.ok)
    throw new Error(
      `the demo's people could not be invited: ${JSON.stringify([admin, coordinator])}`,
    );
  return {
    admin: linkUrl(publicUrl, admin.token),
    coordinator: linkUrl(publicUrl, coordinator.token),
    organisation: organisation.slug,
  };
}

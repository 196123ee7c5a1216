/**
 * What the host's page asks of the API, with the host link as the bearer: its venue, and the
 * five changes a host makes. Every answer is sorted into what the page does next.
 */
import { NetworkError, request, type UserError } from '../lib/gql.ts';
import { LANGS, type Lang } from '../lib/i18n.ts';
import type { Tap } from './queue.ts';

/** One role's seats and (read with the host link) its people present; its label in each language. */
export type RoleSeats = { role: string; seats: number; present: number | null } & Record<
  Lang,
  string
>;

export interface Venue {
  id: string;
  name: string;
  startsAt: string | null;
  endsAt: string | null;
  participants: number;
  capacity: number | null;
  full: boolean;
  edition: { slug: string; timeZone: string };
  /** Empty when the venue states no seats per role (absent in a venue kept by an older page). */
  seatsByRole?: RoleSeats[];
}

const LABELS = LANGS.map((l) => `${l}: label(lang: ${l.toUpperCase()})`).join(' ');
const VENUE = `id name startsAt endsAt participants capacity full edition { slug timeZone } seatsByRole { role seats present ${LABELS} }`;
const PAYLOAD = `location { ${VENUE} } userErrors { field message code }`;

const HOST_LINK = `query HostLink { hostLink { prefix location { ${VENUE} } } }`;

const DOCUMENTS = {
  add: `mutation HostArrivals($input: RecordArrivalsInput!) { recordArrivals(input: $input) { ${PAYLOAD} } }`,
  set: `mutation HostCount($input: ReportParticipationInput!) { reportParticipation(input: $input) { ${PAYLOAD} } }`,
  full: `mutation HostFull($input: SetLocationFullInput!) { setLocationFull(input: $input) { ${PAYLOAD} } }`,
  raise: `mutation HostCapacity($input: RaiseCapacityInput!) { raiseCapacity(input: $input) { ${PAYLOAD} } }`,
  seats: `mutation HostSeats($input: RaiseSeatsInput!) { raiseSeats(input: $input) { ${PAYLOAD} } }`,
} as const;

const FIELD = {
  add: 'recordArrivals',
  set: 'reportParticipation',
  full: 'setLocationFull',
  raise: 'raiseCapacity',
  seats: 'raiseSeats',
} as const;

/** Why the link itself is refused: revoked, expired, or not a link we know (forged, cut off). */
export type LinkProblem = 'revoked' | 'expired' | 'unknown';

export type Outcome =
  | { kind: 'counted'; venue: Venue }
  | { kind: 'refused'; error: UserError }
  | { kind: 'network' }
  | { kind: 'link'; problem: LinkProblem };

function linkProblem(message: string): LinkProblem {
  if (/revoked/i.test(message)) return 'revoked';
  if (/expired/i.test(message)) return 'expired';
  return 'unknown';
}

type Answer = Awaited<ReturnType<typeof request>>;

function refusedLink(answer: Answer): LinkProblem | null {
  const error = answer.errors.find((e) =>
    ['UNAUTHENTICATED', 'FORBIDDEN'].includes(e.extensions?.code ?? ''),
  );
  return error ? linkProblem(error.message) : null;
}

/** The host link's venue; a link problem; or null when the API cannot be reached. */
export async function loadVenue(
  token: string,
): Promise<{ venue: Venue; prefix: string } | { problem: LinkProblem } | null> {
  let answer: Answer;
  try {
    answer = await request(HOST_LINK, {}, { token });
  } catch (error) {
    if (error instanceof NetworkError) return null;
    throw error;
  }
  const problem = refusedLink(answer);
  if (problem) return { problem };
  const link = (answer.data as { hostLink: { prefix: string; location: Venue | null } | null })
    ?.hostLink;
  // A link whose venue the public no longer sees (withdrawn, cancelled): nothing to count at.
  if (!link?.location) return { problem: 'unknown' };
  return { venue: link.location, prefix: link.prefix };
}

/** Send one tap, with its idempotency key where the mutation takes one. */
export async function sendTap(token: string, venueId: string, tap: Tap): Promise<Outcome> {
  const input: Record<string, unknown> = { location: venueId };
  if (tap.kind === 'add') Object.assign(input, { delta: tap.amount, idempotencyKey: tap.key });
  if (tap.kind === 'add' && tap.role) input['role'] = tap.role;
  if (tap.kind === 'set')
    Object.assign(input, { participants: tap.amount, idempotencyKey: tap.key });
  if (tap.kind === 'full') input['full'] = tap.full;
  if (tap.kind === 'raise') input['capacity'] = tap.amount;
  if (tap.kind === 'seats') Object.assign(input, { role: tap.role, seats: tap.amount });
  let answer: Answer;
  try {
    answer = await request(DOCUMENTS[tap.kind], { input }, { token });
  } catch (error) {
    if (error instanceof NetworkError) return { kind: 'network' };
    throw error;
  }
  const problem = refusedLink(answer);
  if (problem) return { kind: 'link', problem };
  const payload = (
    answer.data as Record<string, { location: Venue | null; userErrors: UserError[] }> | null
  )?.[FIELD[tap.kind]];
  // An answer without a payload (a proxy's error page, an overloaded server): try again later.
  if (!payload) return { kind: 'network' };
  if (payload.userErrors[0]) return { kind: 'refused', error: payload.userErrors[0] };
  return payload.location ? { kind: 'counted', venue: payload.location } : { kind: 'network' };
}

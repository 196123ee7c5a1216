/**
 * Who sits at the table: a venue's seats per role, and the checks every write path shares.
 *
 * The roles are a vocabulary's codes: the target groups of the contract (`TARGET_GROUPS`) and
 * those its edition's federation adds (locations/vocabulary.ts). `rolesOf` is the one place that
 * answers "which roles may this edition's venues seat". Roles are stored as text, not as the
 * target-group enum, for the federations' codes.
 */
import { TARGET_GROUPS, type TargetGroup } from '@tafel/schema';
import type { UserErrors } from './errors.ts';

/** Seats (or people present) per role: `{ EMPLOYERS: 25, STATUS_HOLDERS: 25 }`. */
export type RoleCounts = Record<string, number>;

/** A venue's seats for one role, as a member sends them. */
export interface RoleSeatsInput {
  role: string;
  seats: number;
}

/** The most target groups a federation may add to the built-in ones. */
export const MAX_OWN_TARGET_GROUPS = 30;

/** The most seats one role may have (a venue's capacity limit). */
export const MAX_ROLE_SEATS = 100_000;

/** The roles an edition's venues may seat: the built-in target groups and its federation's `own`. */
export function rolesOf(own: readonly string[] = []): readonly string[] {
  return own.length ? [...TARGET_GROUPS, ...own] : TARGET_GROUPS;
}

/**
 * Could this be a role of some edition (a built-in code, or one a federation may add)? The day's
 * writes check no more up front: a venue seats only roles of its edition's vocabulary, and a role
 * it does not seat is refused against the venue itself.
 */
export function isRoleCode(role: unknown): role is string {
  return typeof role === 'string' && /^[A-Z][A-Z0-9_]{1,39}$/.test(role);
}

/** Is this a built-in target group's code (not one a federation adds)? */
export function isBuiltInGroup(code: string): code is TargetGroup {
  return (TARGET_GROUPS as readonly string[]).includes(code);
}

/** The sum of the counts. */
export function sumOf(counts: RoleCounts | null | undefined): number {
  return Object.values(counts ?? {}).reduce((a, b) => a + b, 0);
}

/** Does a venue state seats per role? */
export function hasRoles(seats: RoleCounts | null | undefined): boolean {
  return Object.keys(seats ?? {}).length > 0;
}

/**
 * Check seats per role as sent, and return them as stored (in the vocabulary's order), or
 * undefined when any is wrong: a role outside the vocabulary, seats that are not a whole number
 * from 0 to MAX_ROLE_SEATS, a role named twice. Null and an empty list clear them.
 */
export function checkSeats(
  errors: UserErrors,
  path: (string | number)[],
  input: readonly RoleSeatsInput[] | null,
  vocabulary: readonly string[] = rolesOf(),
): RoleCounts | undefined {
  const before = errors.list.length;
  const seen = new Map<string, number>();
  (input ?? []).forEach(({ role, seats }, i) => {
    if (!vocabulary.includes(role)) {
      errors.add(
        [...path, i, 'role'],
        'INVALID',
        `role "${String(role).slice(0, 40)}" is not one of ${vocabulary.join(', ')}.`,
      );
    } else if (seen.has(role)) {
      errors.add(
        [...path, i, 'role'],
        'DUPLICATE',
        `role ${role} appears again (first at ${seen.get(role)}): give each role its seats once.`,
      );
    } else seen.set(role, i);
    if (!Number.isInteger(seats) || seats < 0 || seats > MAX_ROLE_SEATS)
      errors.add(
        [...path, i, 'seats'],
        'OUT_OF_RANGE',
        `seats must be a whole number from 0 to ${MAX_ROLE_SEATS} (got ${seats}).`,
      );
  });
  if (errors.list.length > before) return undefined;
  const byRole = new Map((input ?? []).map((r) => [r.role, r.seats]));
  const out: RoleCounts = {};
  for (const role of vocabulary) if (byRole.has(role)) out[role] = byRole.get(role)!;
  return out;
}

/**
 * New seats against the people already counted per role: a role's seats never go below the
 * people present in it, and a role with people present stays.
 */
export function checkSeatsAgainstPresent(
  errors: UserErrors,
  path: (string | number)[],
  seats: RoleCounts,
  present: RoleCounts,
): void {
  for (const [role, count] of Object.entries(present)) {
    if (count > 0 && (seats[role] ?? -1) < count)
      errors.add(
        path,
        'BELOW_PARTICIPANTS',
        seats[role] === undefined
          ? `${count} ${role} are already counted present: the role cannot be taken away.`
          : `seats for ${role} (${seats[role]}) are below the ${count} already counted present.`,
      );
  }
}

/** Seats per role as a list, in the vocabulary's order (for the API and the files). */
export function roleList(
  counts: RoleCounts,
  vocabulary: readonly string[] = rolesOf(),
): { role: string; count: number }[] {
  const known = vocabulary
    .filter((r) => r in counts)
    .map((role) => ({ role, count: counts[role]! }));
  // A role the vocabulary no longer has keeps its place at the end.
  const other = Object.keys(counts)
    .filter((r) => !vocabulary.includes(r))
    .sort()
    .map((role) => ({ role, count: counts[role]! }));
  return [...known, ...other];
}

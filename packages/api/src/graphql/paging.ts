import { badInput } from './errors.ts';

/** The largest page any connection serves; asking for more is an error, not a silent clamp. */
export const MAX_PAGE_SIZE = 1000;
export const DEFAULT_PAGE_SIZE = 100;

/** Validate Relay paging arguments with errors that name the argument. */
export function checkPage(args: { first?: number | null; last?: number | null }): void {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value == null) continue;
    if (value < 0) throw badInput(name, `must not be negative (got ${value}).`);
    if (value > MAX_PAGE_SIZE)
      throw badInput(
        name,
        `at most ${MAX_PAGE_SIZE} per page (got ${value}); page on with \`after\`.`,
      );
  }
}

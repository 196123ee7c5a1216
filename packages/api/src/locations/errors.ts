/**
 * The domain's refusals: what is wrong with an input, where, and a code to act on. The GraphQL
 * layer answers them as `userErrors` (graphql/types/user-error.ts) or as a GraphQL error naming
 * the argument (InvalidArgument); the command line prints them.
 */

export const USER_ERROR_CODES = {
  REQUIRED: 'A value is needed here.',
  INVALID: 'The value is not acceptable here.',
  TOO_LONG: 'The value is longer than allowed.',
  OUT_OF_RANGE: 'The number is outside the allowed range.',
  OUTSIDE_COUNTRY:
    'The coordinates are outside the edition’s country (latitude and longitude swapped?).',
  INVALID_URL: 'Only http and https URLs are accepted.',
  END_BEFORE_START: 'The end is before the start.',
  NOT_ON_EDITION_DAY: 'The time is not on the edition’s day.',
  OUTSIDE_EDITION_DATES: 'The time is not within the days of an edition that spans days.',
  OUTSIDE_MEETING:
    'The time is not within its meeting’s start and end (or, for a meeting without times, its edition’s days).',
  TOO_MANY: 'More items than a list here may hold.',
  INTERPRETERS_REQUIRED: 'Interpreter languages need a number of interpreters above 0.',
  BELOW_ZERO: 'A count cannot go below zero.',
  OVER_CAPACITY: 'The count would exceed the venue’s capacity.',
  BELOW_PARTICIPANTS: 'The capacity is below the participants already counted.',
  NOT_FOUND: 'There is no such thing (or it is not yours).',
  FORBIDDEN: 'This key may not do this.',
  DUPLICATE: 'The same value appears twice where it must be unique.',
  TAKEN: 'The value is already in use.',
  BATCH_TOO_LARGE: 'Too many rows in one request.',
  EDITION_CLOSED: 'The edition is closed for changes.',
  CANCELLED: 'The venue is cancelled.',
  RATE_LIMITED: 'Too many attempts for now; try again later.',
  CONFLICT: 'The idempotency key was already used for another change; nothing was changed.',
  EDITION_NOT_OPEN:
    'The edition is not open: participation is counted only while it is open (not planned, postponed or cancelled).',
  INVALID_TRANSITION: 'It is not in a state that allows this change.',
  SUSPENDED: 'The organisation is suspended: its keys and coordinators may not write.',
  EXPIRED: 'Too late: the edition’s day, and the hours after it, are over.',
  REFUSED: 'The request was refused (the join form’s checks against automated sending).',
  DECIDED: 'The application was already approved or rejected; nothing was changed.',
  TOO_LARGE: 'The file is larger than an import reads.',
  NOT_YET_HELD:
    'The venue has not been held yet (its end has not passed, or its edition is postponed or cancelled).',
  CONSENT_REQUIRED: 'The storyteller’s recorded consent is needed; without it nothing is stored.',
  FORMULA:
    'A spreadsheet cell begins like a formula (`=`, `+`, `-`, `@`); formulas are not imported.',
  MEASURE_NOT_DEFINED: 'The edition’s federation does not count this measure.',
  TARGET_GROUP_NOT_DEFINED:
    'Neither a built-in target group nor one of the edition’s federation’s own (`Edition.targetGroups`).',
  IN_USE: 'Venues still use it: take it from them first; nothing was changed.',
} as const;
export type UserErrorCode = keyof typeof USER_ERROR_CODES;

export interface UserError {
  field: (string | number)[] | null;
  message: string;
  code: UserErrorCode;
}

/** Collects the problems of one input; a mutation applies nothing while any are present. */
export class UserErrors {
  readonly list: UserError[] = [];
  add(
    field: (string | number)[] | null,
    code: UserErrorCode,
    message: string = USER_ERROR_CODES[code],
  ): this {
    this.list.push({ field, message, code });
    return this;
  }
  get any(): boolean {
    return this.list.length > 0;
  }
}

/** Thrown inside a transaction to roll it back and answer with userErrors instead. */
export class UserInputError extends Error {
  constructor(readonly errors: UserError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/** One userError, typed: `userError(['slug'], 'TAKEN', 'An organisation with slug … exists already.')`. */
export function userError(
  field: (string | number)[] | null,
  code: UserErrorCode,
  message: string = USER_ERROR_CODES[code],
): UserError {
  return { field, code, message };
}

/**
 * An argument of a read that cannot be answered (a box upside down, an unknown slug): the caller
 * answers it as one error naming the argument, never a 500.
 */
export class InvalidArgument extends Error {
  constructor(
    readonly argument: string,
    readonly detail: string,
  ) {
    super(`${argument}: ${detail}`);
  }
}

/** What the People section shows and how its refusals read, in the person's language. */
import { css } from 'lit';
import type { UserError } from '../lib/gql.ts';
import type { PeopleKey } from './messages.ts';

export type StaffRole = 'ADMIN' | 'MODERATOR' | 'PRESS';
export const STAFF_ROLES: readonly StaffRole[] = ['ADMIN', 'MODERATOR', 'PRESS'];

export interface Person {
  id: string;
  name: string | null;
  email: string;
  role: StaffRole | null;
  organisation: { slug: string; name: string } | null;
}

type T = (key: PeopleKey, params?: Record<string, string | number>) => string;

/** How a person is named on the page: their name, else their address. */
export function personLabel(p: Pick<Person, 'name' | 'email'>): string {
  return p.name?.trim() || p.email;
}

/** The messages for refusals this section knows, by field and code (the browser's and the server's). */
const KNOWN: Record<string, PeopleKey> = {
  'email:REQUIRED': 'emailRequired',
  'email:INVALID': 'emailInvalid',
  'email:TAKEN': 'emailTaken',
  'name:TOO_LONG': 'nameTooLong',
  'organisation:REQUIRED': 'organisationRequired',
  'role:REQUIRED': 'organisationRequired',
  'organisation:NOT_FOUND': 'organisationUnknown',
  'organisation:FORBIDDEN': 'forbidden',
  'role:FORBIDDEN': 'forbidden',
  ':FORBIDDEN': 'forbidden',
  'id:FORBIDDEN': 'forbidden',
};

/** A refusal in the person's language; the field `role: REQUIRED` is shown at the organisation. */
export function localized(error: UserError, t: T): UserError {
  const field = error.field?.at(-1) ?? '';
  const key = KNOWN[`${field}:${error.code}`];
  const at =
    field === 'role' && error.code === 'REQUIRED'
      ? [...(error.field ?? []).slice(0, -1), 'organisation']
      : error.field;
  return { ...error, field: at, message: key ? t(key) : error.message };
}

export const peopleStyles = css`
  fieldset {
    margin: 0 0 1rem;
  }
  label.check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 400;
    min-height: 44px;
  }
  .card-head h4 {
    margin: 0;
    font-size: 1.1rem;
    overflow-wrap: anywhere;
  }
  .outcome {
    border: 3px solid var(--tafel-ok);
    padding: 0.5rem 1rem;
    margin: 1rem 0;
  }
  .copy {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .copy input {
    flex: 1 1 12rem;
    min-width: 0;
  }
`;

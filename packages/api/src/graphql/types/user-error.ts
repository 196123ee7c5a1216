import { USER_ERROR_CODES, type UserError, type UserErrorCode } from '../../locations/errors.ts';
import { builder } from '../builder.ts';

export {
  USER_ERROR_CODES,
  type UserError,
  type UserErrorCode,
  UserErrors,
  UserInputError,
  userError,
} from '../../locations/errors.ts';

export const UserErrorCodeEnum = builder.enumType('UserErrorCode', {
  description: 'Why a mutation refused its input. A refused mutation changes nothing.',
  values: Object.fromEntries(
    Object.entries(USER_ERROR_CODES).map(([k, d]) => [k, { description: d }]),
  ) as Record<UserErrorCode, { description: string }>,
});

export const UserErrorRef = builder.objectRef<UserError>('UserError').implement({
  description: 'A problem with the input of a mutation: where, what, and a code to act on.',
  fields: (t) => ({
    field: t.stringList({
      nullable: true,
      description:
        'Path to the input field, e.g. `["locations", "17", "coordinates", "lat"]` (list indexes as strings, from 0).',
      resolve: (e) => e.field?.map(String) ?? null,
    }),
    message: t.exposeString('message', { description: 'A sentence for a person.' }),
    code: t.field({
      type: UserErrorCodeEnum,
      description: 'A code for a program.',
      resolve: (e) => e.code,
    }),
  }),
});

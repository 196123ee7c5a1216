import { builder } from '../builder.ts';

/** A contact as given: an organisation's, or an edition's press contact. */
export const ContactInputRef = builder.inputType('ContactInput', {
  description: 'A contact person: it replaces the one kept; a part left out or empty is removed.',
  fields: (t) => ({
    name: t.string({ description: 'The contact person’s name, at most 200 characters.' }),
    email: t.string({ description: 'An e-mail address, at most 254 characters.' }),
    phone: t.string({
      description:
        'A phone number: 6 to 15 digits, an optional leading +, and spaces, dashes, dots, slashes or parentheses; at most 40 characters.',
    }),
  }),
});

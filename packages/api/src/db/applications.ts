/**
 * Applications to join (the public join form) and the server's own secrets. Kept apart from
 * schema.ts, which they build on; drizzle-kit reads both (drizzle.config.ts).
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { federations, languageCheck, organisationKindEnum, organisations } from './schema.ts';

export const applicationStatusEnum = pgEnum('application_status', [
  'PENDING',
  'APPROVED',
  'REJECTED',
]);

/**
 * An organisation's application to join, as sent by the join form, until staff decide. The
 * contact's name and address are personal data: never public, never logged, and gone with the
 * row when staff delete the application.
 */
export const applications = pgTable(
  'applications',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    organisationName: text('organisation_name').notNull(),
    kind: organisationKindEnum('kind').notNull(),
    website: text('website'),
    contactName: text('contact_name').notNull(),
    email: text('email').notNull(),
    /** The version of the terms the applicant consented to, and when. */
    termsVersion: text('terms_version').notNull(),
    consentedAt: timestamp('consented_at', { withTimezone: true }).notNull(),
    /** The join form's language: the answer and the invitation are written in it. */
    language: text('language'),
    /**
     * The federation it asks to join: its staff decide it too, and approval makes a member of it.
     * Null: the instance's own (a federation deleted since leaves it to the instance's staff).
     */
    federationId: integer('federation_id').references(() => federations.id, {
      onDelete: 'set null',
    }),
    status: applicationStatusEnum('status').notNull().default('PENDING'),
    /** Why it was rejected, as the applicant was told. */
    reason: text('reason'),
    /** Who decided: a key prefix or `person:<id>` (never a name). */
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The organisation an approval created. */
    organisationId: integer('organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('applications_status_created_idx').on(t.status, t.createdAt),
    index('applications_organisation_idx').on(t.organisationId),
    index('applications_federation_idx').on(t.federationId),
    check('applications_language', languageCheck(t.language)),
    check('applications_decided', sql`(${t.status} = 'PENDING') = (${t.decidedAt} IS NULL)`),
  ],
);

/**
 * Secrets the server makes for itself, shared by every process on the database (the key that
 * signs the join form's tokens). Made on first use; never leave the server.
 */
export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Application = typeof applications.$inferSelect;

-- A participation report locks its venue's row and appends a log entry. The entry's edition and
-- organisation are copied from the venue by the same statement; their own foreign keys added
-- nothing (the venue's key already cascades) but a KEY SHARE lock on the edition's one row, and on
-- the organisation's, in every report of the day. The organisation index only served that key.
ALTER TABLE "participation_log" DROP CONSTRAINT "participation_log_edition_id_editions_id_fkey";--> statement-breakpoint
ALTER TABLE "participation_log" DROP CONSTRAINT "participation_log_organisation_id_organisations_id_fkey";--> statement-breakpoint
DROP INDEX "participation_log_organisation_idx";
ALTER TYPE "edition_status" ADD VALUE 'CANCELLED';--> statement-breakpoint
ALTER TYPE "edition_status" ADD VALUE 'POSTPONED';--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"action" text NOT NULL,
	"person_id" integer,
	"api_key_id" integer,
	"host_link_id" integer,
	"actor" text NOT NULL,
	"organisation_id" integer,
	"location_id" integer,
	"edition_id" integer,
	"reason" text,
	"details" jsonb DEFAULT '{}' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "postponed_from" date;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "organisation_suspended" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "suspension_reason" text;--> statement-breakpoint
DROP INDEX "locations_public_geo_idx";--> statement-breakpoint
CREATE INDEX "locations_public_geo_idx" ON "locations" ("edition_id","public_lat","public_lng") WHERE "status" = 'PUBLISHED' AND NOT "awaiting_approval" AND NOT "organisation_suspended";--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" ("at","id");--> statement-breakpoint
CREATE INDEX "audit_events_person_idx" ON "audit_events" ("person_id");--> statement-breakpoint
CREATE INDEX "audit_events_api_key_idx" ON "audit_events" ("api_key_id");--> statement-breakpoint
CREATE INDEX "audit_events_host_link_idx" ON "audit_events" ("host_link_id");--> statement-breakpoint
CREATE INDEX "audit_events_organisation_idx" ON "audit_events" ("organisation_id");--> statement-breakpoint
CREATE INDEX "audit_events_location_idx" ON "audit_events" ("location_id");--> statement-breakpoint
CREATE INDEX "audit_events_edition_idx" ON "audit_events" ("edition_id");--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_person_id_people_id_fkey" FOREIGN KEY ("person_id") REFERENCES "people"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_api_key_id_api_keys_id_fkey" FOREIGN KEY ("api_key_id") REFERENCES "api_keys"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_host_link_id_host_links_id_fkey" FOREIGN KEY ("host_link_id") REFERENCES "host_links"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_location_id_locations_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_edition_id_editions_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE SET NULL;--> statement-breakpoint
-- A venue's copy of its organisation's suspension, on every path that makes or moves a venue (the
-- API, the bulk upsert, the demo load, SQL by hand), so the public rule needs no join.
CREATE FUNCTION locations_organisation_suspended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.organisation_suspended := EXISTS (
    SELECT 1 FROM organisations o WHERE o.id = NEW.organisation_id AND o.suspended_at IS NOT NULL
  );
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER locations_organisation_suspended BEFORE INSERT OR UPDATE OF organisation_id ON "locations"
  FOR EACH ROW EXECUTE FUNCTION locations_organisation_suspended();--> statement-breakpoint
-- Suspending or reinstating an organisation takes its venues out of, or back into, the public view
-- in the same transaction; updated_at moves so incremental sync (removedLocations) sees them go.
CREATE FUNCTION organisations_suspended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE locations SET organisation_suspended = (NEW.suspended_at IS NOT NULL), updated_at = now()
  WHERE organisation_id = NEW.id AND organisation_suspended <> (NEW.suspended_at IS NOT NULL);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER organisations_suspended AFTER UPDATE OF suspended_at ON "organisations"
  FOR EACH ROW EXECUTE FUNCTION organisations_suspended();--> statement-breakpoint
-- Public means not suspended too (db/schema.ts publicVenue).
CREATE OR REPLACE FUNCTION locations_public_since() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.public_since IS NULL AND NEW.status = 'PUBLISHED' AND NOT NEW.awaiting_approval
     AND NOT NEW.organisation_suspended THEN
    NEW.public_since := now();
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
DROP TRIGGER locations_public_since ON "locations";--> statement-breakpoint
-- Named to fire after locations_organisation_suspended (BEFORE triggers run in name order).
CREATE TRIGGER locations_public_since BEFORE INSERT OR UPDATE OF status, awaiting_approval, organisation_suspended ON "locations"
  FOR EACH ROW EXECUTE FUNCTION locations_public_since();--> statement-breakpoint
-- The audit trail is append-only: what was done, by whom, when and why never changes. Only the
-- references may go (set null when a person, key, organisation, venue or edition is deleted).
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW.action IS DISTINCT FROM OLD.action OR NEW.actor IS DISTINCT FROM OLD.actor
     OR NEW.reason IS DISTINCT FROM OLD.reason OR NEW.details IS DISTINCT FROM OLD.details
     OR NEW.at IS DISTINCT FROM OLD.at OR NEW.id IS DISTINCT FROM OLD.id THEN
    RAISE EXCEPTION 'audit_events is append-only';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();

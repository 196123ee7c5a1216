ALTER TABLE "editions" ADD COLUMN "mixing_min_group" integer;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "seats_by_role" jsonb DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "present_by_role" jsonb DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "participation_log" ADD COLUMN "role" text;--> statement-breakpoint
ALTER TABLE "participation_requests" ADD COLUMN "role" text;--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_mixing_min_group" CHECK ("mixing_min_group" IS NULL OR "mixing_min_group" >= 1);--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_roles_objects" CHECK (jsonb_typeof("seats_by_role") = 'object' AND jsonb_typeof("present_by_role") = 'object');
ALTER TABLE "locations" ADD COLUMN "expected" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_expected_range" CHECK ("expected" >= 0);
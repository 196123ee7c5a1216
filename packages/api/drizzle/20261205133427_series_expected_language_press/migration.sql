CREATE TABLE "series" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "series_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL UNIQUE,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "press_contact_name" text;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "press_contact_email" text;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "press_contact_phone" text;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "series_id" integer;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "total_participants" integer;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "total_locations" integer;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "total_organisations" integer;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "totals_at_least" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "totals_source" text;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "expected" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "language" text;--> statement-breakpoint
CREATE INDEX "editions_series_date_idx" ON "editions" ("series_id","date");--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_series_id_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "series"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_totals_positive" CHECK (coalesce("total_participants", 0) >= 0 AND coalesce("total_locations", 0) >= 0 AND coalesce("total_organisations", 0) >= 0);--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_expected_range" CHECK ("expected" >= 0);--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_language" CHECK ("language" IN ('nl', 'en', 'de', 'da'));--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_language" CHECK ("language" IN ('nl', 'en', 'de', 'da'));
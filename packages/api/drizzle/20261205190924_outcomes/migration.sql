CREATE TYPE "story_status" AS ENUM('PENDING', 'PUBLISHED', 'REJECTED');--> statement-breakpoint
CREATE TABLE "closing_reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "closing_reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"location_id" integer NOT NULL,
	"follow_ups" integer DEFAULT 0 NOT NULL,
	"introductions" integer DEFAULT 0 NOT NULL,
	"internships_offered" integer DEFAULT 0 NOT NULL,
	"jobs_offered" integer DEFAULT 0 NOT NULL,
	"internships_realised" integer DEFAULT 0 NOT NULL,
	"jobs_realised" integer DEFAULT 0 NOT NULL,
	"placements_pledged" integer DEFAULT 0 NOT NULL,
	"note" text,
	"filed_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "closing_reports_counts" CHECK ("follow_ups" >= 0 AND "introductions" >= 0 AND "internships_offered" >= 0 AND "jobs_offered" >= 0 AND "placements_pledged" >= 0 AND "internships_realised" BETWEEN 0 AND "internships_offered" AND "jobs_realised" BETWEEN 0 AND "jobs_offered"),
	CONSTRAINT "closing_reports_note_length" CHECK (char_length("note") <= 1000)
);
--> statement-breakpoint
CREATE TABLE "stories" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "stories_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"location_id" integer NOT NULL,
	"edition_id" integer NOT NULL,
	"quote" text NOT NULL,
	"language" text NOT NULL,
	"attribution" text,
	"consent" boolean NOT NULL,
	"consented_at" timestamp with time zone NOT NULL,
	"status" "story_status" DEFAULT 'PENDING'::"story_status" NOT NULL,
	"moderated_at" timestamp with time zone,
	"added_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stories_consent" CHECK ("consent"),
	CONSTRAINT "stories_lengths" CHECK (char_length("quote") BETWEEN 1 AND 1000 AND char_length("attribution") <= 80)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "closing_reports_location_key" ON "closing_reports" ("location_id");--> statement-breakpoint
CREATE INDEX "stories_location_idx" ON "stories" ("location_id");--> statement-breakpoint
CREATE INDEX "stories_edition_status_idx" ON "stories" ("edition_id","status","id");--> statement-breakpoint
ALTER TABLE "closing_reports" ADD CONSTRAINT "closing_reports_location_id_locations_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_location_id_locations_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "stories" ADD CONSTRAINT "stories_edition_id_editions_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE;
CREATE TABLE "programme_sessions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programme_sessions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"location_id" integer NOT NULL,
	"position" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"title" text NOT NULL,
	"abstract" text,
	"tentative" boolean DEFAULT false NOT NULL,
	CONSTRAINT "programme_sessions_ends_after" CHECK ("ends_at" > "starts_at"),
	CONSTRAINT "programme_sessions_lengths" CHECK (char_length("title") BETWEEN 1 AND 200 AND coalesce(char_length("abstract"), 0) <= 2000)
);
--> statement-breakpoint
CREATE TABLE "programme_speakers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "programme_speakers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"location_id" integer NOT NULL,
	"session_id" integer,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"role" text,
	"organisation" text,
	"name_public" boolean DEFAULT false NOT NULL,
	CONSTRAINT "programme_speakers_lengths" CHECK (char_length("name") BETWEEN 1 AND 120 AND coalesce(char_length("role"), 0) <= 120 AND coalesce(char_length("organisation"), 0) <= 120)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "programme_sessions_location_position_key" ON "programme_sessions" ("location_id","position");--> statement-breakpoint
CREATE INDEX "programme_speakers_location_idx" ON "programme_speakers" ("location_id");--> statement-breakpoint
CREATE INDEX "programme_speakers_session_idx" ON "programme_speakers" ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_speakers_one_chair_key" ON "programme_speakers" ("location_id") WHERE "session_id" IS NULL;--> statement-breakpoint
ALTER TABLE "programme_sessions" ADD CONSTRAINT "programme_sessions_location_id_locations_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "programme_speakers" ADD CONSTRAINT "programme_speakers_location_id_locations_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "programme_speakers" ADD CONSTRAINT "programme_speakers_session_id_programme_sessions_id_fkey" FOREIGN KEY ("session_id") REFERENCES "programme_sessions"("id") ON DELETE CASCADE;
ALTER TABLE "locations" ADD COLUMN "hearing_loop" boolean;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "accessibility_note" text;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "interpreters" integer;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "interpreter_languages" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "support" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "cooked_by_guests" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "descriptions" jsonb DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_interpreters_range" CHECK ("interpreters" IS NULL OR "interpreters" BETWEEN 0 AND 50);--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_descriptions_array" CHECK (jsonb_typeof("descriptions") = 'array');
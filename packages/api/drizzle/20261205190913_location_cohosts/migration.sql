CREATE TABLE "location_cohosts" (
	"location_id" integer,
	"organisation_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "location_cohosts_pkey" PRIMARY KEY("location_id","organisation_id")
);
--> statement-breakpoint
CREATE INDEX "location_cohosts_organisation_idx" ON "location_cohosts" ("organisation_id");--> statement-breakpoint
ALTER TABLE "location_cohosts" ADD CONSTRAINT "location_cohosts_location_id_locations_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "location_cohosts" ADD CONSTRAINT "location_cohosts_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE;
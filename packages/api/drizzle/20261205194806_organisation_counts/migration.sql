CREATE TABLE "federation_measures" (
	"federation_id" integer,
	"key" text,
	"labels" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "federation_measures_pkey" PRIMARY KEY("federation_id","key"),
	CONSTRAINT "federation_measures_key" CHECK ("key" ~ '^[A-Z][A-Z0-9_]{1,39}$')
);
--> statement-breakpoint
CREATE TABLE "organisation_counts" (
	"edition_id" integer,
	"organisation_id" integer,
	"measure" text,
	"value" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_counts_pkey" PRIMARY KEY("edition_id","organisation_id","measure"),
	CONSTRAINT "organisation_counts_value" CHECK ("value" BETWEEN 0 AND 1000000)
);
--> statement-breakpoint
CREATE INDEX "organisation_counts_organisation_idx" ON "organisation_counts" ("organisation_id");--> statement-breakpoint
ALTER TABLE "federation_measures" ADD CONSTRAINT "federation_measures_federation_id_federations_id_fkey" FOREIGN KEY ("federation_id") REFERENCES "federations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "organisation_counts" ADD CONSTRAINT "organisation_counts_edition_id_editions_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "organisation_counts" ADD CONSTRAINT "organisation_counts_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE;
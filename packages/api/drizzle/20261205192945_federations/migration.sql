CREATE TABLE "federation_members" (
	"federation_id" integer,
	"organisation_id" integer,
	"joined_on" date NOT NULL,
	"left_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "federation_members_pkey" PRIMARY KEY("federation_id","organisation_id"),
	CONSTRAINT "federation_members_left_after_joined" CHECK ("left_on" IS NULL OR "left_on" >= "joined_on")
);
--> statement-breakpoint
CREATE TABLE "federations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "federations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL UNIQUE,
	"name" text NOT NULL,
	"country" text DEFAULT 'NL' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "series" ADD COLUMN "federation_id" integer;--> statement-breakpoint
CREATE INDEX "federation_members_organisation_idx" ON "federation_members" ("organisation_id");--> statement-breakpoint
CREATE INDEX "series_federation_idx" ON "series" ("federation_id");--> statement-breakpoint
ALTER TABLE "federation_members" ADD CONSTRAINT "federation_members_federation_id_federations_id_fkey" FOREIGN KEY ("federation_id") REFERENCES "federations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "federation_members" ADD CONSTRAINT "federation_members_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "series" ADD CONSTRAINT "series_federation_id_federations_id_fkey" FOREIGN KEY ("federation_id") REFERENCES "federations"("id") ON DELETE RESTRICT;
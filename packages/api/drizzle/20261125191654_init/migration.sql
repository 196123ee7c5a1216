CREATE TYPE "edition_status" AS ENUM('PLANNED', 'OPEN', 'CLOSED');--> statement-breakpoint
CREATE TYPE "location_status" AS ENUM('DRAFT', 'PUBLISHED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "meal" AS ENUM('BREAKFAST', 'LUNCH', 'DINNER', 'OTHER');--> statement-breakpoint
CREATE TYPE "organisation_kind" AS ENUM('COMPANY', 'MUNICIPALITY', 'GOVERNMENT', 'CHARITY', 'FAITH_COMMUNITY', 'SCHOOL', 'CARE', 'OTHER');--> statement-breakpoint
CREATE TYPE "target_group" AS ENUM('REFUGEES', 'STATUS_HOLDERS', 'ELDERLY', 'DISABILITY', 'YOUTH', 'JOB_SEEKERS', 'EMPLOYERS', 'EMPLOYEES', 'NEIGHBOURS', 'FAITH_COMMUNITIES');--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "api_keys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"organisation_id" integer,
	"prefix" text NOT NULL UNIQUE,
	"hash" text NOT NULL UNIQUE,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "editions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "editions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL UNIQUE,
	"name" text NOT NULL,
	"date" date NOT NULL,
	"time_zone" text DEFAULT 'Europe/Amsterdam' NOT NULL,
	"country" text DEFAULT 'NL' NOT NULL,
	"status" "edition_status" DEFAULT 'OPEN'::"edition_status" NOT NULL,
	"require_approval" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "location_changes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "location_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"location_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"api_key_id" integer,
	"actor" text,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "locations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"edition_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"external_id" text,
	"name" text NOT NULL,
	"street" text,
	"postal_code" text,
	"city" text,
	"region" text,
	"country" text,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"sensitive" boolean DEFAULT false NOT NULL,
	"public_lat" double precision GENERATED ALWAYS AS (CASE WHEN sensitive THEN round(lat::numeric, 2)::double precision ELSE lat END) STORED NOT NULL,
	"public_lng" double precision GENERATED ALWAYS AS (CASE WHEN sensitive THEN round(lng::numeric, 2)::double precision ELSE lng END) STORED NOT NULL,
	"meal" "meal" NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"capacity" integer,
	"participants" integer DEFAULT 0 NOT NULL,
	"target_groups" "target_group"[] DEFAULT '{}'::"target_group"[] NOT NULL,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"wheelchair_accessible" boolean,
	"description" text,
	"registration_url" text,
	"status" "location_status" DEFAULT 'PUBLISHED'::"location_status" NOT NULL,
	"awaiting_approval" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "locations_participants_range" CHECK ("participants" >= 0 AND ("capacity" IS NULL OR "participants" <= "capacity")),
	CONSTRAINT "locations_capacity_positive" CHECK ("capacity" IS NULL OR "capacity" >= 0),
	CONSTRAINT "locations_lat_range" CHECK ("lat" BETWEEN -90 AND 90),
	CONSTRAINT "locations_lng_range" CHECK ("lng" BETWEEN -180 AND 180)
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "organisations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"slug" text NOT NULL UNIQUE,
	"name" text NOT NULL,
	"kind" "organisation_kind" DEFAULT 'OTHER'::"organisation_kind" NOT NULL,
	"website" text,
	"logo_url" text,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "participation_log" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "participation_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"location_id" integer NOT NULL,
	"edition_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"api_key_id" integer,
	"actor" text,
	"old_value" integer NOT NULL,
	"new_value" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "api_keys_organisation_idx" ON "api_keys" ("organisation_id");--> statement-breakpoint
CREATE INDEX "location_changes_location_at_idx" ON "location_changes" ("location_id","at");--> statement-breakpoint
CREATE INDEX "location_changes_organisation_idx" ON "location_changes" ("organisation_id");--> statement-breakpoint
CREATE INDEX "location_changes_api_key_idx" ON "location_changes" ("api_key_id");--> statement-breakpoint
CREATE UNIQUE INDEX "locations_external_id_key" ON "locations" ("organisation_id","edition_id","external_id");--> statement-breakpoint
CREATE INDEX "locations_edition_status_idx" ON "locations" ("edition_id","status");--> statement-breakpoint
CREATE INDEX "locations_edition_public_lat_lng_idx" ON "locations" ("edition_id","public_lat","public_lng");--> statement-breakpoint
CREATE INDEX "locations_organisation_idx" ON "locations" ("organisation_id");--> statement-breakpoint
CREATE INDEX "locations_edition_region_idx" ON "locations" ("edition_id","region");--> statement-breakpoint
CREATE INDEX "locations_target_groups_idx" ON "locations" USING gin ("target_groups");--> statement-breakpoint
CREATE INDEX "organisations_name_idx" ON "organisations" ("name");--> statement-breakpoint
CREATE INDEX "participation_log_edition_at_idx" ON "participation_log" ("edition_id","at");--> statement-breakpoint
CREATE INDEX "participation_log_location_at_idx" ON "participation_log" ("location_id","at");--> statement-breakpoint
CREATE INDEX "participation_log_organisation_idx" ON "participation_log" ("organisation_id");--> statement-breakpoint
CREATE INDEX "participation_log_api_key_idx" ON "participation_log" ("api_key_id");--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "location_changes" ADD CONSTRAINT "location_changes_location_id_locations_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "location_changes" ADD CONSTRAINT "location_changes_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "location_changes" ADD CONSTRAINT "location_changes_api_key_id_api_keys_id_fkey" FOREIGN KEY ("api_key_id") REFERENCES "api_keys"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_edition_id_editions_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "participation_log" ADD CONSTRAINT "participation_log_location_id_locations_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "participation_log" ADD CONSTRAINT "participation_log_edition_id_editions_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "participation_log" ADD CONSTRAINT "participation_log_organisation_id_organisations_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "participation_log" ADD CONSTRAINT "participation_log_api_key_id_api_keys_id_fkey" FOREIGN KEY ("api_key_id") REFERENCES "api_keys"("id") ON DELETE SET NULL;
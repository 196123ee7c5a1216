CREATE TABLE "host_links" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "host_links_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"location_id" integer NOT NULL,
	"prefix" text NOT NULL UNIQUE,
	"hash" text NOT NULL UNIQUE,
	"created_by_key_id" integer,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "participation_requests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "participation_requests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"location_id" integer NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"amount" integer NOT NULL,
	"participants" integer,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "participation_requests_kind" CHECK ("kind" IN ('set', 'add'))
);
--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "full" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "host_links_location_idx" ON "host_links" ("location_id");--> statement-breakpoint
CREATE INDEX "host_links_created_by_key_idx" ON "host_links" ("created_by_key_id");--> statement-breakpoint
CREATE UNIQUE INDEX "participation_requests_location_key_key" ON "participation_requests" ("location_id","key");--> statement-breakpoint
CREATE INDEX "participation_requests_location_created_idx" ON "participation_requests" ("location_id","created_at");--> statement-breakpoint
ALTER TABLE "host_links" ADD CONSTRAINT "host_links_location_id_locations_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "host_links" ADD CONSTRAINT "host_links_created_by_key_id_api_keys_id_fkey" FOREIGN KEY ("created_by_key_id") REFERENCES "api_keys"("id") ON DELETE SET NULL;--> statement-breakpoint
ALTER TABLE "participation_requests" ADD CONSTRAINT "participation_requests_location_id_locations_id_fkey" FOREIGN KEY ("location_id") REFERENCES "locations"("id") ON DELETE CASCADE;
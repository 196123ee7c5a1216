ALTER TABLE "api_keys" ADD COLUMN "federation_id" integer;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "federation_id" integer;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_federation_id_federations_id_fkey" FOREIGN KEY ("federation_id") REFERENCES "federations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_federation_id_federations_id_fkey" FOREIGN KEY ("federation_id") REFERENCES "federations"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_federation_staff_only" CHECK ("federation_id" IS NULL OR "organisation_id" IS NULL);--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_federation_staff_only" CHECK ("federation_id" IS NULL OR "staff_role" IS NOT NULL);
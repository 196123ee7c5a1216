ALTER TABLE "applications" ADD COLUMN "federation_id" integer;--> statement-breakpoint
CREATE INDEX "applications_federation_idx" ON "applications" ("federation_id");--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_federation_id_federations_id_fkey" FOREIGN KEY ("federation_id") REFERENCES "federations"("id") ON DELETE SET NULL;
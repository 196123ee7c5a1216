ALTER TABLE "federations" ADD COLUMN "tile_url" text;--> statement-breakpoint
ALTER TABLE "federations" ADD COLUMN "tile_attribution" text;--> statement-breakpoint
ALTER TABLE "federations" ADD COLUMN "tile_licence_url" text;--> statement-breakpoint
ALTER TABLE "federations" ADD CONSTRAINT "federations_tiles_whole" CHECK (("tile_url" IS NULL) = ("tile_attribution" IS NULL) AND ("tile_licence_url" IS NULL OR "tile_url" IS NOT NULL));
--> statement-breakpoint
-- An edition's answer shows its federation's tiles: a change to federations is announced as the
-- editions' (src/locations/notices.ts), whoever makes it, as editions_changed does for editions.
CREATE TRIGGER "federations_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "federations"
  FOR EACH STATEMENT EXECUTE FUNCTION "tafel_public_changed"();

-- When a venue first became public, so removedLocations can leave out venues the public never
-- saw (cancelled drafts, venues withdrawn before approval). A trigger sets it on every path that
-- makes a venue public (create, update, bulk upsert, approval, demo load, SQL by hand); nothing
-- clears it.
ALTER TABLE "locations" ADD COLUMN "public_since" timestamp with time zone;--> statement-breakpoint
-- Venues that are public now have been since they were created, as far as anyone can tell.
UPDATE "locations" SET "public_since" = "created_at" WHERE "status" = 'PUBLISHED' AND NOT "awaiting_approval";--> statement-breakpoint
-- Others count as once public if the audit trail shows them published or approved; where it
-- cannot tell, listing a venue among the removed is the harmless mistake.
UPDATE "locations" l SET "public_since" = c.first
FROM (
  SELECT location_id, min(at) AS first FROM "location_changes"
  WHERE changes->'status'->>'from' = 'PUBLISHED' OR changes->'status'->>'to' = 'PUBLISHED' OR action = 'APPROVE'
  GROUP BY location_id
) c
WHERE l.id = c.location_id AND l."public_since" IS NULL;--> statement-breakpoint
UPDATE "locations" SET "public_since" = "updated_at" WHERE "status" = 'CANCELLED' AND "public_since" IS NULL
  AND NOT EXISTS (SELECT 1 FROM "location_changes" c WHERE c.location_id = "locations".id);--> statement-breakpoint
CREATE FUNCTION locations_public_since() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.public_since IS NULL AND NEW.status = 'PUBLISHED' AND NOT NEW.awaiting_approval THEN
    NEW.public_since := now();
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
-- Only writes that can make a venue public run it: a participation report touches neither column.
CREATE TRIGGER locations_public_since BEFORE INSERT OR UPDATE OF status, awaiting_approval ON "locations"
  FOR EACH ROW EXECUTE FUNCTION locations_public_since();

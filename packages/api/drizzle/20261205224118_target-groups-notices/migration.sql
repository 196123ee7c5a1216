-- An edition's answer lists its federation's own target groups with their labels: a change to them
-- is announced as the editions' (src/locations/notices.ts), whoever makes it, as federations_changed
-- does for the federations' tiles.
CREATE TRIGGER "federation_target_groups_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "federation_target_groups"
  FOR EACH STATEMENT EXECUTE FUNCTION "tafel_public_changed"();

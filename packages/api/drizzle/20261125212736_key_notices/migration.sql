-- Every change to an API key (revoked, re-scoped, deleted with its organisation) is announced on
-- the tafel_keys channel with the key's id, whoever made it (the API, the CLI, psql), so every API
-- process drops that key from its cache of recent lookups (src/auth/key-cache.ts). PostgreSQL
-- delivers the notice when the change commits.
CREATE FUNCTION "tafel_key_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tafel_keys', OLD.id::text);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "api_keys_changed" AFTER UPDATE OF "scopes", "revoked_at", "organisation_id", "hash" OR DELETE ON "api_keys"
  FOR EACH ROW EXECUTE FUNCTION "tafel_key_changed"();

-- Every change to editions or organisations (a rename, a status, an approval, a new or deleted row)
-- is announced on the tafel_public channel with the table's name, whoever made it (the API, the
-- command line, psql), so every API process drops the public answers it keeps (src/http/cache.ts).
-- Once per statement: PostgreSQL delivers the notice when the change commits, and folds identical
-- notices of one transaction into one.
CREATE FUNCTION "tafel_public_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tafel_public', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "editions_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "editions"
  FOR EACH STATEMENT EXECUTE FUNCTION "tafel_public_changed"();--> statement-breakpoint
CREATE TRIGGER "organisations_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organisations"
  FOR EACH STATEMENT EXECUTE FUNCTION "tafel_public_changed"();

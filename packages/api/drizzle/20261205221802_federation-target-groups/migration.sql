CREATE TABLE "federation_target_groups" (
	"federation_id" integer,
	"code" text,
	"labels" jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "federation_target_groups_pkey" PRIMARY KEY("federation_id","code"),
	CONSTRAINT "federation_target_groups_code" CHECK ("code" ~ '^[A-Z][A-Z0-9_]{1,39}$')
);
--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "own_target_groups" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "federation_target_groups" ADD CONSTRAINT "federation_target_groups_federation_id_federations_id_fkey" FOREIGN KEY ("federation_id") REFERENCES "federations"("id") ON DELETE CASCADE;
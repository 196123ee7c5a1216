-- UNLOGGED, by hand (drizzle-kit has no word for it): the counters need no crash safety and no
-- replica, and a request's count then never waits for the WAL to reach the disk.
CREATE UNLOGGED TABLE "rate_limits" (
	"key" text PRIMARY KEY,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" timestamp with time zone
);

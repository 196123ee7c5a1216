CREATE TYPE "schedule" AS ENUM('CONFIRMED', 'TENTATIVE', 'POSTPONED');--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "end_date" date;--> statement-breakpoint
ALTER TABLE "locations" ADD COLUMN "schedule" "schedule" DEFAULT 'CONFIRMED'::"schedule" NOT NULL;--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_end_date_after" CHECK ("end_date" IS NULL OR "end_date" >= "date");
ALTER TABLE "editions" ADD COLUMN "press_contact_name" text;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "press_contact_email" text;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "press_contact_phone" text;
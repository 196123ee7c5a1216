ALTER TABLE "organisations" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "contact_phone" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_contact_lengths" CHECK (char_length("contact_name") <= 200 AND char_length("contact_email") <= 254 AND char_length("contact_phone") <= 40);
ALTER TABLE "assignments" ADD COLUMN "stood_down_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "stood_down_reason" text;
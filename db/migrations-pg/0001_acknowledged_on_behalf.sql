ALTER TABLE "assignments" ADD COLUMN "acknowledged_via" text;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "acknowledged_by_id" text;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_acknowledged_by_id_users_id_fk" FOREIGN KEY ("acknowledged_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
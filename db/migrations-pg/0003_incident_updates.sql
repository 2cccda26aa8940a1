CREATE TABLE "incident_enterprises" (
	"incident_id" text NOT NULL,
	"enterprise_id" text NOT NULL,
	"linked_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "incident_enterprises_incident_id_enterprise_id_pk" PRIMARY KEY("incident_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "incident_updates" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"seq" integer NOT NULL,
	"text" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"incident_type" text,
	"linked_enterprise_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"unlinked_enterprise_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "updates_seen_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "update_push_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "next_update_push_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "update_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "incident_enterprises" ADD CONSTRAINT "incident_enterprises_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_enterprises" ADD CONSTRAINT "incident_enterprises_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_updates" ADD CONSTRAINT "incident_updates_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_updates" ADD CONSTRAINT "incident_updates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_enterprises_enterprise" ON "incident_enterprises" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_updates_incident_seq" ON "incident_updates" USING btree ("incident_id","seq");--> statement-breakpoint
CREATE INDEX "assignments_next_update_push" ON "assignments" USING btree ("next_update_push_at");--> statement-breakpoint
-- Incidents triggered before links existed keep the enterprise they were reported with.
INSERT INTO "incident_enterprises" ("incident_id", "enterprise_id", "linked_at") SELECT "id", "enterprise_id", "created_at" FROM "incidents" WHERE "enterprise_id" IS NOT NULL;

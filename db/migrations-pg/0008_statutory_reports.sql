CREATE TABLE "neighbour_notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"report_id" text NOT NULL,
	"jurisdiction_name" text NOT NULL,
	"contact" text NOT NULL,
	"means" text NOT NULL,
	"notified_at" timestamp (3) with time zone NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sensitive_receptors" (
	"id" text PRIMARY KEY NOT NULL,
	"jurisdiction_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statutory_report_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"report_id" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"saved_by" text NOT NULL,
	"saved_at" timestamp (3) with time zone NOT NULL,
	"signed_off_by" text,
	"signed_off_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "statutory_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"kind" text NOT NULL,
	"seq" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "severity" text;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "discovered_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "jurisdictions" ADD COLUMN "initial_report_minutes" jsonb DEFAULT '{"IV":60,"III":60,"II":60,"I":60}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "jurisdictions" ADD COLUMN "report_map_radius_m" integer DEFAULT 3000 NOT NULL;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "targets" jsonb DEFAULT '{"everyoneAcknowledgedSeconds":180,"firstOnSceneSeconds":1200,"allRolesOnSceneSeconds":2700,"initialReportSignedSeconds":3600}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "can_sign_off" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "neighbour_notifications" ADD CONSTRAINT "neighbour_notifications_report_id_statutory_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."statutory_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "neighbour_notifications" ADD CONSTRAINT "neighbour_notifications_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensitive_receptors" ADD CONSTRAINT "sensitive_receptors_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statutory_report_versions" ADD CONSTRAINT "statutory_report_versions_report_id_statutory_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."statutory_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statutory_report_versions" ADD CONSTRAINT "statutory_report_versions_saved_by_users_id_fk" FOREIGN KEY ("saved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statutory_report_versions" ADD CONSTRAINT "statutory_report_versions_signed_off_by_users_id_fk" FOREIGN KEY ("signed_off_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statutory_reports" ADD CONSTRAINT "statutory_reports_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statutory_reports" ADD CONSTRAINT "statutory_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "neighbour_notifications_report" ON "neighbour_notifications" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "sensitive_receptors_jurisdiction" ON "sensitive_receptors" USING btree ("jurisdiction_id");--> statement-breakpoint
CREATE UNIQUE INDEX "statutory_report_versions_report_version" ON "statutory_report_versions" USING btree ("report_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "statutory_reports_incident_kind_seq" ON "statutory_reports" USING btree ("incident_id","kind","seq");
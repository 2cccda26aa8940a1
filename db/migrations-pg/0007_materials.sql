CREATE TABLE "material_depots" (
	"id" text PRIMARY KEY NOT NULL,
	"jurisdiction_id" text NOT NULL,
	"enterprise_id" text,
	"name" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"custodian_name" text NOT NULL,
	"custodian_phone" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "material_items" (
	"id" text PRIMARY KEY NOT NULL,
	"jurisdiction_id" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "material_reservations" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"plan_role_id" text,
	"role_name" text NOT NULL,
	"depot_id" text NOT NULL,
	"item_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"consumed" integer,
	"status" text DEFAULT 'reserved' NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "material_shortfalls" (
	"incident_id" text NOT NULL,
	"plan_role_id" text NOT NULL,
	"role_name" text NOT NULL,
	"item_id" text NOT NULL,
	"required" integer NOT NULL,
	"reserved" integer NOT NULL,
	CONSTRAINT "material_shortfalls_incident_id_plan_role_id_item_id_pk" PRIMARY KEY("incident_id","plan_role_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "material_stock" (
	"depot_id" text NOT NULL,
	"item_id" text NOT NULL,
	"quantity" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "material_stock_depot_id_item_id_pk" PRIMARY KEY("depot_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "plan_role_materials" (
	"plan_role_id" text NOT NULL,
	"item_id" text NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "plan_role_materials_plan_role_id_item_id_pk" PRIMARY KEY("plan_role_id","item_id")
);
--> statement-breakpoint
ALTER TABLE "material_depots" ADD CONSTRAINT "material_depots_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_depots" ADD CONSTRAINT "material_depots_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_items" ADD CONSTRAINT "material_items_jurisdiction_id_jurisdictions_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdictions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_reservations" ADD CONSTRAINT "material_reservations_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_reservations" ADD CONSTRAINT "material_reservations_depot_id_material_depots_id_fk" FOREIGN KEY ("depot_id") REFERENCES "public"."material_depots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_reservations" ADD CONSTRAINT "material_reservations_item_id_material_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."material_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_shortfalls" ADD CONSTRAINT "material_shortfalls_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_shortfalls" ADD CONSTRAINT "material_shortfalls_item_id_material_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."material_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_stock" ADD CONSTRAINT "material_stock_depot_id_material_depots_id_fk" FOREIGN KEY ("depot_id") REFERENCES "public"."material_depots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_stock" ADD CONSTRAINT "material_stock_item_id_material_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."material_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_role_materials" ADD CONSTRAINT "plan_role_materials_item_id_material_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."material_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "material_depots_name" ON "material_depots" USING btree ("jurisdiction_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "material_items_name" ON "material_items" USING btree ("jurisdiction_id","name");--> statement-breakpoint
CREATE INDEX "material_reservations_incident" ON "material_reservations" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "material_stock_item" ON "material_stock" USING btree ("item_id");
CREATE TABLE `material_depots` (
	`id` text PRIMARY KEY NOT NULL,
	`jurisdiction_id` text NOT NULL,
	`enterprise_id` text,
	`name` text NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	`custodian_name` text NOT NULL,
	`custodian_phone` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`jurisdiction_id`) REFERENCES `jurisdictions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`enterprise_id`) REFERENCES `enterprises`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `material_depots_name` ON `material_depots` (`jurisdiction_id`,`name`);--> statement-breakpoint
CREATE TABLE `material_items` (
	`id` text PRIMARY KEY NOT NULL,
	`jurisdiction_id` text NOT NULL,
	`name` text NOT NULL,
	`unit` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`jurisdiction_id`) REFERENCES `jurisdictions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `material_items_name` ON `material_items` (`jurisdiction_id`,`name`);--> statement-breakpoint
CREATE TABLE `material_reservations` (
	`id` text PRIMARY KEY NOT NULL,
	`incident_id` text NOT NULL,
	`plan_role_id` text,
	`role_name` text NOT NULL,
	`depot_id` text NOT NULL,
	`item_id` text NOT NULL,
	`quantity` integer NOT NULL,
	`consumed` integer,
	`status` text DEFAULT 'reserved' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`depot_id`) REFERENCES `material_depots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `material_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `material_reservations_incident` ON `material_reservations` (`incident_id`);--> statement-breakpoint
CREATE TABLE `material_shortfalls` (
	`incident_id` text NOT NULL,
	`plan_role_id` text NOT NULL,
	`role_name` text NOT NULL,
	`item_id` text NOT NULL,
	`required` integer NOT NULL,
	`reserved` integer NOT NULL,
	PRIMARY KEY(`incident_id`, `plan_role_id`, `item_id`),
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `material_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `material_stock` (
	`depot_id` text NOT NULL,
	`item_id` text NOT NULL,
	`quantity` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`depot_id`, `item_id`),
	FOREIGN KEY (`depot_id`) REFERENCES `material_depots`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `material_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `material_stock_item` ON `material_stock` (`item_id`);--> statement-breakpoint
CREATE TABLE `plan_role_materials` (
	`plan_role_id` text NOT NULL,
	`item_id` text NOT NULL,
	`quantity` integer NOT NULL,
	PRIMARY KEY(`plan_role_id`, `item_id`),
	FOREIGN KEY (`item_id`) REFERENCES `material_items`(`id`) ON UPDATE no action ON DELETE no action
);

CREATE TABLE `intake_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`jurisdiction_id` text NOT NULL,
	`token_id` text NOT NULL,
	`idempotency_key` text,
	`request_hash` text NOT NULL,
	`reporter_name` text NOT NULL,
	`reporter_phone` text DEFAULT '' NOT NULL,
	`reporter_org` text DEFAULT '' NOT NULL,
	`reported_at` integer NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`incident_type` text NOT NULL,
	`text` text NOT NULL,
	`photo_urls` text DEFAULT '[]' NOT NULL,
	`suggested_plan_id` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`incident_id` text,
	`dismiss_reason` text,
	`decided_by` text,
	`decided_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`jurisdiction_id`) REFERENCES `jurisdictions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`token_id`) REFERENCES `integration_tokens`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`suggested_plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `intake_reports_token_key` ON `intake_reports` (`token_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `intake_reports_jurisdiction_status` ON `intake_reports` (`jurisdiction_id`,`status`);--> statement-breakpoint
CREATE TABLE `intake_signatures` (
	`token_id` text NOT NULL,
	`signature` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`token_id`, `signature`)
);
--> statement-breakpoint
CREATE TABLE `integration_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`jurisdiction_id` text NOT NULL,
	`name` text NOT NULL,
	`scope` text NOT NULL,
	`token_hash` text NOT NULL,
	`signing_key_cipher` text,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	`revoked_by` text,
	FOREIGN KEY (`jurisdiction_id`) REFERENCES `jurisdictions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `integration_tokens_hash` ON `integration_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `integration_tokens_jurisdiction` ON `integration_tokens` (`jurisdiction_id`);
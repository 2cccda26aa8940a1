CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`jurisdiction_id` text NOT NULL,
	`incident_id` text,
	`assignment_id` text,
	`user_id` text,
	`channel` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_due` ON `notifications` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `notifications_assignment` ON `notifications` (`assignment_id`);--> statement-breakpoint
CREATE TABLE `push_subscriptions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`endpoint` text NOT NULL,
	`p256dh` text NOT NULL,
	`auth` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `push_subscriptions_endpoint` ON `push_subscriptions` (`endpoint`);--> statement-breakpoint
CREATE INDEX `push_subscriptions_user` ON `push_subscriptions` (`user_id`);--> statement-breakpoint
ALTER TABLE `assignments` ADD `push_attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `assignments` ADD `next_push_at` integer;--> statement-breakpoint
ALTER TABLE `assignments` ADD `ack_timeout_seconds` integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE `assignments` ADD `escalation_steps` text DEFAULT '["realert","backup","supervisor","duty_officer"]' NOT NULL;--> statement-breakpoint
ALTER TABLE `assignments` ADD `escalation_step` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `assignments` ADD `next_escalation_at` integer;--> statement-breakpoint
ALTER TABLE `assignments` ADD `backup_for_id` text;--> statement-breakpoint
CREATE INDEX `assignments_next_push` ON `assignments` (`next_push_at`);--> statement-breakpoint
CREATE INDEX `assignments_next_escalation` ON `assignments` (`next_escalation_at`);--> statement-breakpoint
ALTER TABLE `departments` ADD `supervisor_id` text REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `plan_roles` ADD `ack_timeout_seconds` integer DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE `plan_roles` ADD `escalation_steps` text DEFAULT '["realert","backup","supervisor","duty_officer"]' NOT NULL;
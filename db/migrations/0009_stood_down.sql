ALTER TABLE `assignments` ADD `stood_down_at` integer;--> statement-breakpoint
ALTER TABLE `assignments` ADD `stood_down_reason` text;
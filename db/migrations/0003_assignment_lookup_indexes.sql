CREATE INDEX `assignments_backup_for` ON `assignments` (`backup_for_id`);--> statement-breakpoint
CREATE INDEX `assignments_incident_ack` ON `assignments` (`incident_id`,`acknowledged_at`);
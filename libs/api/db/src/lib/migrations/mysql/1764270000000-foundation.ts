import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, users, memberships, sessions, login throttle, invitations, regions and the append-only audit log (MySQL/MariaDB). */
export class Foundation1764270000000 implements MigrationInterface {
  name = 'Foundation1764270000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `audit_log` (`id` int NOT NULL AUTO_INCREMENT, `at` datetime(6) NOT NULL, `user_id` varchar(36) NULL, `user_email` varchar(254) NULL, `ip` varchar(45) NULL, `action` varchar(64) NOT NULL, `object_type` varchar(32) NULL, `object_id` varchar(64) NULL, `result` varchar(10) NOT NULL, `detail` text NULL, INDEX `idx_audit_user` (`user_id`, `id`), INDEX `idx_audit_action` (`action`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `invitations` (`id` varchar(36) NOT NULL, `organisation_id` varchar(36) NOT NULL, `email` varchar(254) NOT NULL, `role` varchar(20) NOT NULL, `invited_by` varchar(36) NOT NULL, `language` varchar(5) NOT NULL DEFAULT 'zh-CN', `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `expires_at` datetime(6) NOT NULL, `accepted_at` datetime(6) NULL, INDEX `idx_invitation_org_email` (`organisation_id`, `email`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      "CREATE TABLE `login_throttle` (`email` varchar(254) NOT NULL, `failures` int NOT NULL DEFAULT '0', `last_failure_at` datetime(6) NOT NULL, `locked_until` datetime(6) NULL, PRIMARY KEY (`email`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `organisations` (`id` varchar(36) NOT NULL, `kind` varchar(12) NOT NULL, `name` varchar(200) NOT NULL, `credit_code` varchar(18) NULL, `region_code` varchar(6) NOT NULL, `province_code` varchar(6) NOT NULL, `city_code` varchar(6) NULL, `county_code` varchar(6) NULL, `level` varchar(10) NULL, `verification_status` varchar(10) NOT NULL, `verification_comment` varchar(1000) NULL, `verified_at` datetime(6) NULL, `verified_by` varchar(36) NULL, `contact_name` varchar(100) NULL, `contact_phone` varchar(20) NULL, `contact_email` varchar(254) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), `version` int NOT NULL, UNIQUE INDEX `uq_org_credit_code` (`credit_code`), INDEX `idx_org_province_queue` (`kind`, `province_code`, `verification_status`, `created_at`, `id`), INDEX `idx_org_city_queue` (`kind`, `city_code`, `verification_status`, `created_at`, `id`), INDEX `idx_org_county_queue` (`kind`, `county_code`, `verification_status`, `created_at`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TABLE `users` (`id` varchar(36) NOT NULL, `email` varchar(254) NOT NULL, `name` varchar(100) NOT NULL, `phone` varchar(20) NULL, `password_hash` varchar(255) NOT NULL, `language` varchar(5) NOT NULL DEFAULT 'zh-CN', `totp_secret` varchar(255) NULL, `totp_enabled_at` datetime(6) NULL, `disabled_at` datetime(6) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_users_email` (`email`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `memberships` (`id` varchar(36) NOT NULL, `user_id` varchar(36) NOT NULL, `organisation_id` varchar(36) NOT NULL, `role` varchar(20) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `idx_membership_org` (`organisation_id`, `role`), UNIQUE INDEX `uq_membership` (`user_id`, `organisation_id`, `role`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `regions` (`code` varchar(6) NOT NULL, `name` varchar(100) NOT NULL, `level` varchar(10) NOT NULL, `parent_code` varchar(6) NULL, INDEX `idx_regions_parent` (`parent_code`), PRIMARY KEY (`code`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `sessions` (`id` varchar(64) NOT NULL, `user_id` varchar(36) NOT NULL, `stage` varchar(16) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `last_seen_at` datetime(6) NOT NULL, `expires_at` datetime(6) NOT NULL, `revoked_at` datetime(6) NULL, `ip` varchar(45) NULL, `user_agent` varchar(255) NULL, INDEX `idx_sessions_user` (`user_id`, `revoked_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'ALTER TABLE `memberships` ADD CONSTRAINT `FK_7c1e2fdfed4f6838e0c05ae5051` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE `memberships` ADD CONSTRAINT `FK_55c59139e9136eb9a76ed30c6dc` FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      "CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'",
    );
    await queryRunner.query(
      "CREATE TRIGGER `audit_log_no_delete` BEFORE DELETE ON `audit_log` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_log is append-only'",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER IF EXISTS `audit_log_no_delete`');
    await queryRunner.query('DROP TRIGGER IF EXISTS `audit_log_no_update`');
    await queryRunner.query(
      'ALTER TABLE `memberships` DROP FOREIGN KEY `FK_55c59139e9136eb9a76ed30c6dc`',
    );
    await queryRunner.query(
      'ALTER TABLE `memberships` DROP FOREIGN KEY `FK_7c1e2fdfed4f6838e0c05ae5051`',
    );
    await queryRunner.query('DROP INDEX `idx_sessions_user` ON `sessions`');
    await queryRunner.query('DROP TABLE `sessions`');
    await queryRunner.query('DROP INDEX `idx_regions_parent` ON `regions`');
    await queryRunner.query('DROP TABLE `regions`');
    await queryRunner.query('DROP INDEX `uq_membership` ON `memberships`');
    await queryRunner.query('DROP INDEX `idx_membership_org` ON `memberships`');
    await queryRunner.query('DROP TABLE `memberships`');
    await queryRunner.query('DROP INDEX `uq_users_email` ON `users`');
    await queryRunner.query('DROP TABLE `users`');
    await queryRunner.query(
      'DROP INDEX `idx_org_county_queue` ON `organisations`',
    );
    await queryRunner.query(
      'DROP INDEX `idx_org_city_queue` ON `organisations`',
    );
    await queryRunner.query(
      'DROP INDEX `idx_org_province_queue` ON `organisations`',
    );
    await queryRunner.query(
      'DROP INDEX `uq_org_credit_code` ON `organisations`',
    );
    await queryRunner.query('DROP TABLE `organisations`');
    await queryRunner.query('DROP TABLE `login_throttle`');
    await queryRunner.query(
      'DROP INDEX `idx_invitation_org_email` ON `invitations`',
    );
    await queryRunner.query('DROP TABLE `invitations`');
    await queryRunner.query('DROP INDEX `idx_audit_action` ON `audit_log`');
    await queryRunner.query('DROP INDEX `idx_audit_user` ON `audit_log`');
    await queryRunner.query('DROP TABLE `audit_log`');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (one row per cause, recipient and channel: e-mails with their delivery state,
 * in-portal notices with their read mark) and each user's e-mail preferences; outbox rows get
 * a completion mark, so that work Redis lost can be handed over again.
 */
export class Notifications1764300000000 implements MigrationInterface {
  name = 'Notifications1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `outbox` ADD `completed_at` datetime(6) NULL',
    );
    await queryRunner.query(
      'CREATE INDEX `idx_outbox_unfinished` ON `outbox` (`completed_at`, `dispatched_at`)',
    );
    await queryRunner.query(
      "CREATE TABLE `notifications` (`id` varchar(36) NOT NULL, `cause_key` varchar(100) NOT NULL, `kind` varchar(20) NOT NULL, `category` varchar(16) NOT NULL, `channel` varchar(8) NOT NULL, `user_id` varchar(36) NOT NULL, `address` varchar(254) NULL, `language` varchar(5) NOT NULL, `application_id` varchar(36) NULL, `event_id` varchar(36) NULL, `mandatory` tinyint NOT NULL, `subject` varchar(300) NOT NULL, `body_text` text NOT NULL, `body_html` text NULL, `link` varchar(300) NULL, `status` varchar(16) NOT NULL, `attempts` int NOT NULL DEFAULT '0', `last_error` varchar(1000) NULL, `claimed_until` datetime(6) NULL, `digest_id` varchar(36) NULL, `committed_at` datetime(6) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `queued_at` datetime(6) NULL, `accepted_at` datetime(6) NULL, `read_at` datetime(6) NULL, INDEX `idx_notification_accepted` (`accepted_at`), INDEX `idx_notification_status` (`channel`, `status`, `created_at`, `id`), INDEX `idx_notification_unread` (`user_id`, `channel`, `read_at`), INDEX `idx_notification_inbox` (`user_id`, `channel`, `created_at`, `id`), UNIQUE INDEX `uq_notification_cause` (`cause_key`, `user_id`, `channel`), PRIMARY KEY (`id`)) ENGINE=InnoDB",
    );
    await queryRunner.query(
      'CREATE TABLE `notification_preferences` (`user_id` varchar(36) NOT NULL, `category` varchar(16) NOT NULL, `email` tinyint NOT NULL, `updated_at` datetime(6) NOT NULL, PRIMARY KEY (`user_id`, `category`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `idx_outbox_unfinished` ON `outbox`');
    await queryRunner.query('ALTER TABLE `outbox` DROP COLUMN `completed_at`');
    await queryRunner.query('DROP TABLE `notification_preferences`');
    await queryRunner.query('DROP TABLE `notifications`');
  }
}

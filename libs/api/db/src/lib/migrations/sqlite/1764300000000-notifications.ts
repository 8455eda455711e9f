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
      'ALTER TABLE "outbox" ADD COLUMN "completed_at" datetime(6)',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_outbox_unfinished" ON "outbox" ("completed_at", "dispatched_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "notifications" ("id" varchar(36) PRIMARY KEY NOT NULL, "cause_key" varchar(100) NOT NULL, "kind" varchar(20) NOT NULL, "category" varchar(16) NOT NULL, "channel" varchar(8) NOT NULL, "user_id" varchar(36) NOT NULL, "address" varchar(254), "language" varchar(5) NOT NULL, "application_id" varchar(36), "event_id" varchar(36), "mandatory" boolean NOT NULL, "subject" varchar(300) NOT NULL, "body_text" text NOT NULL, "body_html" text, "link" varchar(300), "status" varchar(16) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "last_error" varchar(1000), "claimed_until" datetime(6), "digest_id" varchar(36), "committed_at" datetime(6) NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "queued_at" datetime(6), "accepted_at" datetime(6), "read_at" datetime(6))',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_notification_accepted" ON "notifications" ("accepted_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_notification_status" ON "notifications" ("channel", "status", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_notification_unread" ON "notifications" ("user_id", "channel", "read_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_notification_inbox" ON "notifications" ("user_id", "channel", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_notification_cause" ON "notifications" ("cause_key", "user_id", "channel") ',
    );
    await queryRunner.query(
      'CREATE TABLE "notification_preferences" ("user_id" varchar(36) NOT NULL, "category" varchar(16) NOT NULL, "email" boolean NOT NULL, "updated_at" datetime(6) NOT NULL, PRIMARY KEY ("user_id", "category"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "idx_outbox_unfinished"');
    await queryRunner.query('ALTER TABLE "outbox" DROP COLUMN "completed_at"');
    await queryRunner.query('DROP INDEX "uq_notification_cause"');
    await queryRunner.query('DROP INDEX "idx_notification_inbox"');
    await queryRunner.query('DROP INDEX "idx_notification_unread"');
    await queryRunner.query('DROP INDEX "idx_notification_status"');
    await queryRunner.query('DROP INDEX "idx_notification_accepted"');
    await queryRunner.query('DROP TABLE "notification_preferences"');
    await queryRunner.query('DROP TABLE "notifications"');
  }
}

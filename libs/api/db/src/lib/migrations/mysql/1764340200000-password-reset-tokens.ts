import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Password-reset links, stored as hashes only. */
export class PasswordResetTokens1764340200000 implements MigrationInterface {
  name = 'PasswordResetTokens1764340200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `password_reset_tokens` (`id` varchar(36) NOT NULL, `user_id` varchar(36) NOT NULL, `token_hash` varchar(64) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `expires_at` datetime(6) NOT NULL, `used_at` datetime(6) NULL, INDEX `idx_password_reset_user` (`user_id`, `created_at`), UNIQUE INDEX `uq_password_reset_token` (`token_hash`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP INDEX `uq_password_reset_token` ON `password_reset_tokens`',
    );
    await queryRunner.query(
      'DROP INDEX `idx_password_reset_user` ON `password_reset_tokens`',
    );
    await queryRunner.query('DROP TABLE `password_reset_tokens`');
  }
}

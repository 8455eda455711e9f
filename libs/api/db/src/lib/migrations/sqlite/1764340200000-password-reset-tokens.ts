import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Password-reset links, stored as hashes only. */
export class PasswordResetTokens1764340200000 implements MigrationInterface {
  name = 'PasswordResetTokens1764340200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "password_reset_tokens" ("id" varchar(36) PRIMARY KEY NOT NULL, "user_id" varchar(36) NOT NULL, "token_hash" varchar(64) NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "expires_at" datetime(6) NOT NULL, "used_at" datetime(6))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_password_reset_token" ON "password_reset_tokens" ("token_hash") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_password_reset_user" ON "password_reset_tokens" ("user_id", "created_at") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "idx_password_reset_user"');
    await queryRunner.query('DROP INDEX "uq_password_reset_token"');
    await queryRunner.query('DROP TABLE "password_reset_tokens"');
  }
}

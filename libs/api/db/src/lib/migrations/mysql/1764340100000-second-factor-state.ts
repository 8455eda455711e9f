import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A second factor's pending secret (re-enrolment keeps the active one until confirmed), the
 * last accepted time step (a code works once) and the wrong codes in a row.
 */
export class SecondFactorState1764340100000 implements MigrationInterface {
  name = 'SecondFactorState1764340100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "ALTER TABLE `users` ADD `totp_pending_secret` varchar(255) NULL, ADD `totp_last_step` int NULL, ADD `totp_failures` int NOT NULL DEFAULT '0'",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `users` DROP COLUMN `totp_failures`, DROP COLUMN `totp_last_step`, DROP COLUMN `totp_pending_secret`',
    );
  }
}

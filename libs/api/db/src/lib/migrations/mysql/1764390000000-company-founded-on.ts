import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A company's founding date from its business licence (registration; never after the day it registers). */
export class CompanyFoundedOn1764390000000 implements MigrationInterface {
  name = 'CompanyFoundedOn1764390000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `organisations` ADD `founded_on` varchar(10) NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `organisations` DROP COLUMN `founded_on`',
    );
  }
}

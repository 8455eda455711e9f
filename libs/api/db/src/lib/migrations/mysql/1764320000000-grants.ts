import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Grants as rows (certificates, registrations), with the certificates already issued. */
export class Grants1764320000000 implements MigrationInterface {
  name = 'Grants1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `grants` (`id` varchar(36) NOT NULL, `series` varchar(32) NOT NULL, `number` varchar(32) NOT NULL, `organisation_id` varchar(36) NOT NULL, `application_id` varchar(36) NOT NULL, `issued_on` varchar(10) NOT NULL, `valid_until` varchar(10) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `idx_grant_holder` (`organisation_id`, `series`, `valid_until`), UNIQUE INDEX `uq_grant_number` (`series`, `number`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "INSERT INTO `grants` (`id`, `series`, `number`, `organisation_id`, `application_id`, `issued_on`, `valid_until`) SELECT UUID(), 'high_tech_certificate', JSON_UNQUOTE(JSON_EXTRACT(`decision`, '$.certificate.number')), `organisation_id`, `id`, JSON_UNQUOTE(JSON_EXTRACT(`decision`, '$.certificate.issuedOn')), JSON_UNQUOTE(JSON_EXTRACT(`decision`, '$.certificate.validUntil')) FROM `applications` WHERE JSON_EXTRACT(`decision`, '$.certificate.number') IS NOT NULL",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `uq_grant_number` ON `grants`');
    await queryRunner.query('DROP INDEX `idx_grant_holder` ON `grants`');
    await queryRunner.query('DROP TABLE `grants`');
  }
}

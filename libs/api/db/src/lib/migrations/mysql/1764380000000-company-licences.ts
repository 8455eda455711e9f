import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each company's business licence, uploaded for its verification. */
export class CompanyLicences1764380000000 implements MigrationInterface {
  name = 'CompanyLicences1764380000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `company_licences` (`organisation_id` varchar(36) NOT NULL, `storage_name` varchar(64) NOT NULL, `file_name` varchar(255) NOT NULL, `kind` varchar(8) NOT NULL, `size_bytes` int NOT NULL, `sha256` varchar(64) NOT NULL, `uploaded_by` varchar(36) NOT NULL, `uploaded_at` datetime(6) NOT NULL, PRIMARY KEY (`organisation_id`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `company_licences`');
  }
}

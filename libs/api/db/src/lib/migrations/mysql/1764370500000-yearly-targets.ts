import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each region's yearly targets (the seed report's measures) and its GDP for the year. */
export class YearlyTargets1764370500000 implements MigrationInterface {
  name = 'YearlyTargets1764370500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `yearly_targets` (`region_code` varchar(6) NOT NULL, `year` int NOT NULL, `target_values` text NOT NULL, `gdp_wan_yuan` bigint NULL, `updated_by` varchar(36) NOT NULL, `updated_at` datetime(6) NOT NULL, PRIMARY KEY (`region_code`, `year`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `yearly_targets`');
  }
}

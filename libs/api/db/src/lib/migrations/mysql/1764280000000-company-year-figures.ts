import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A company's figures per fiscal year, prefilled into applications. */
export class CompanyYearFigures1764280000000 implements MigrationInterface {
  name = 'CompanyYearFigures1764280000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `company_year_figures` (`organisation_id` varchar(36) NOT NULL, `year` int NOT NULL, `total_revenue` bigint NOT NULL, `sales_revenue` bigint NOT NULL, `high_tech_revenue` bigint NOT NULL, `rd_expense` bigint NOT NULL, `rd_expense_domestic` bigint NOT NULL, `staff` int NOT NULL, `science_tech_staff` int NOT NULL, `net_assets` bigint NOT NULL, `total_assets` bigint NOT NULL, `total_costs` bigint NOT NULL, `ip_class_one` int NOT NULL, `ip_class_two` int NOT NULL, `updated_by` varchar(36) NOT NULL, `updated_at` datetime(6) NOT NULL, PRIMARY KEY (`organisation_id`, `year`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `company_year_figures`');
  }
}

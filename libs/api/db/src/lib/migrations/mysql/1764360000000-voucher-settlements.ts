import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cities' monthly voucher settlements (one per city and month) and the cases each paid;
 * a redemption's ledger booking marked paid by its settlement.
 */
export class VoucherSettlements1764360000000 implements MigrationInterface {
  name = 'VoucherSettlements1764360000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `voucher_settlements` (`id` varchar(36) NOT NULL, `city_code` varchar(6) NOT NULL, `month` varchar(7) NOT NULL, `paid_on` varchar(10) NOT NULL, `payment_reference` varchar(64) NOT NULL, `total_yuan` bigint NOT NULL, `case_count` int NOT NULL, `created_by` varchar(36) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_voucher_settlement_month` (`city_code`, `month`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `voucher_settlement_items` (`application_id` varchar(36) NOT NULL, `settlement_id` varchar(36) NOT NULL, `payee_kind` varchar(12) NOT NULL, `payee_organisation_id` varchar(36) NOT NULL, `payee_name` varchar(200) NOT NULL, `amount_yuan` bigint NOT NULL, INDEX `idx_voucher_settlement_item_batch` (`settlement_id`), PRIMARY KEY (`application_id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'ALTER TABLE `voucher_ledger_entries` ADD `settlement_id` varchar(36) NULL, ADD `paid_on` varchar(10) NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `voucher_ledger_entries` DROP COLUMN `paid_on`, DROP COLUMN `settlement_id`',
    );
    await queryRunner.query(
      'DROP INDEX `idx_voucher_settlement_item_batch` ON `voucher_settlement_items`',
    );
    await queryRunner.query('DROP TABLE `voucher_settlement_items`');
    await queryRunner.query(
      'DROP INDEX `uq_voucher_settlement_month` ON `voucher_settlements`',
    );
    await queryRunner.query('DROP TABLE `voucher_settlements`');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calls, applications and their append-only event chain (triggers refuse UPDATE and DELETE),
 * the outbox, idempotency keys, materials, reference counters, voucher ledgers, the expert pool
 * and assignments, and public-notice objections.
 */
export class Applications1764290000000 implements MigrationInterface {
  name = 'Applications1764290000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `calendar_overrides` (`date` varchar(10) NOT NULL, `kind` varchar(8) NOT NULL, `note` varchar(200) NOT NULL, `created_by` varchar(36) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (`date`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `application_events` (`id` varchar(36) NOT NULL, `application_id` varchar(36) NOT NULL, `seq` int NOT NULL, `action` varchar(40) NOT NULL, `from_state` varchar(40) NULL, `to_state` varchar(40) NOT NULL, `actor_user_id` varchar(36) NULL, `actor_name` varchar(100) NULL, `actor_role` varchar(20) NULL, `party` varchar(12) NOT NULL, `comment` text NULL, `payload` text NOT NULL, `client_ip` varchar(45) NULL, `created_at` datetime(6) NOT NULL, `prev_hash` varchar(64) NOT NULL, `hash` varchar(64) NOT NULL, INDEX `idx_event_actor` (`actor_user_id`, `created_at`, `id`), UNIQUE INDEX `uq_event_seq` (`application_id`, `seq`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `applications` (`id` varchar(36) NOT NULL, `reference` varchar(32) NOT NULL, `type` varchar(24) NOT NULL, `workflow_version` int NOT NULL, `organisation_id` varchar(36) NOT NULL, `call_id` varchar(36) NOT NULL, `province_code` varchar(6) NOT NULL, `city_code` varchar(6) NOT NULL, `county_code` varchar(6) NOT NULL, `state` varchar(40) NOT NULL, `holder` varchar(12) NULL, `state_entered_at` datetime(6) NOT NULL, `due_at` datetime(6) NULL, `paused_state` varchar(40) NULL, `paused_days_left` int NULL, `version` int NOT NULL, `event_count` int NOT NULL, `chain_head` varchar(64) NOT NULL, `form` text NOT NULL, `auto_check` text NULL, `supplement_items` text NULL, `decision` text NOT NULL, `bank_id` varchar(36) NULL, `provider_id` varchar(36) NULL, `submitted_at` datetime(6) NULL, `created_by` varchar(36) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `updated_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX `uq_app_reference` (`reference`), INDEX `idx_app_call_state` (`call_id`, `state`), INDEX `idx_app_company` (`organisation_id`, `created_at`, `id`), INDEX `idx_app_provider_inbox` (`holder`, `provider_id`, `state_entered_at`, `id`), INDEX `idx_app_bank_inbox` (`holder`, `bank_id`, `state_entered_at`, `id`), INDEX `idx_app_province_inbox` (`holder`, `province_code`, `state_entered_at`, `id`), INDEX `idx_app_city_inbox` (`holder`, `city_code`, `state_entered_at`, `id`), INDEX `idx_app_county_inbox` (`holder`, `county_code`, `state_entered_at`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `attachments` (`id` varchar(36) NOT NULL, `application_id` varchar(36) NOT NULL, `organisation_id` varchar(36) NOT NULL, `material_key` varchar(60) NOT NULL, `file_name` varchar(255) NOT NULL, `kind` varchar(8) NOT NULL, `size_bytes` int NOT NULL, `sha256` varchar(64) NOT NULL, `storage_name` varchar(64) NOT NULL, `uploaded_by` varchar(36) NOT NULL, `uploaded_at` datetime(6) NOT NULL, INDEX `idx_attachment_company` (`organisation_id`), INDEX `idx_attachment_application` (`application_id`, `material_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `calls` (`id` varchar(36) NOT NULL, `type` varchar(24) NOT NULL, `title` varchar(200) NOT NULL, `region_code` varchar(6) NOT NULL, `opens_at` datetime(6) NOT NULL, `closes_at` datetime(6) NOT NULL, `quotas` text NOT NULL, `bureau_id` varchar(36) NOT NULL, `created_by` varchar(36) NOT NULL, `drafts_reminded_at` datetime(6) NULL, `closed_handled_at` datetime(6) NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `idx_call_type_window` (`type`, `closes_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `experts` (`user_id` varchar(36) NOT NULL, `discipline` varchar(12) NOT NULL, `employer_id` varchar(36) NULL, `conflict_ids` text NOT NULL, `province_code` varchar(6) NOT NULL, `active` tinyint NOT NULL, PRIMARY KEY (`user_id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `expert_assignments` (`id` varchar(36) NOT NULL, `application_id` varchar(36) NOT NULL, `expert_user_id` varchar(36) NOT NULL, `assigned_at` datetime(6) NOT NULL, `score` text NULL, `opinion` text NULL, `scored_at` datetime(6) NULL, INDEX `idx_expert_assignment_inbox` (`expert_user_id`, `scored_at`), UNIQUE INDEX `uq_expert_assignment` (`application_id`, `expert_user_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `idempotency_keys` (`user_id` varchar(36) NOT NULL, `key` varchar(100) NOT NULL, `request_hash` varchar(64) NOT NULL, `response` text NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (`user_id`, `key`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `objections` (`id` varchar(36) NOT NULL, `application_id` varchar(36) NOT NULL, `user_id` varchar(36) NOT NULL, `real_name` varchar(100) NOT NULL, `reasons` text NOT NULL, `status` varchar(12) NOT NULL, `lodged_at` datetime(6) NOT NULL, INDEX `idx_objection_application` (`application_id`, `status`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `outbox` (`id` varchar(36) NOT NULL, `application_id` varchar(36) NOT NULL, `event_id` varchar(36) NOT NULL, `queue` varchar(40) NOT NULL, `job_name` varchar(60) NOT NULL, `payload` text NOT NULL, `run_at` datetime(6) NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), `dispatched_at` datetime(6) NULL, INDEX `idx_outbox_pending` (`dispatched_at`, `created_at`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `reference_sequences` (`type` varchar(24) NOT NULL, `year` int NOT NULL, `region_code` varchar(6) NOT NULL, `last_value` int NOT NULL, PRIMARY KEY (`type`, `year`, `region_code`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `voucher_ledgers` (`organisation_id` varchar(36) NOT NULL, `year` int NOT NULL, `committed_yuan` bigint NOT NULL, PRIMARY KEY (`organisation_id`, `year`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `voucher_ledger_entries` (`id` varchar(36) NOT NULL, `organisation_id` varchar(36) NOT NULL, `year` int NOT NULL, `application_id` varchar(36) NOT NULL, `kind` varchar(12) NOT NULL, `amount_yuan` bigint NOT NULL, `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX `idx_voucher_entry_company` (`organisation_id`, `year`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      "CREATE TRIGGER `application_events_no_update` BEFORE UPDATE ON `application_events` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'application_events is append-only'",
    );
    await queryRunner.query(
      "CREATE TRIGGER `application_events_no_delete` BEFORE DELETE ON `application_events` FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'application_events is append-only'",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TRIGGER IF EXISTS `application_events_no_delete`',
    );
    await queryRunner.query(
      'DROP TRIGGER IF EXISTS `application_events_no_update`',
    );
    await queryRunner.query(
      'DROP INDEX `idx_voucher_entry_company` ON `voucher_ledger_entries`',
    );
    await queryRunner.query('DROP TABLE `voucher_ledger_entries`');
    await queryRunner.query('DROP TABLE `voucher_ledgers`');
    await queryRunner.query('DROP TABLE `reference_sequences`');
    await queryRunner.query('DROP INDEX `idx_outbox_pending` ON `outbox`');
    await queryRunner.query('DROP TABLE `outbox`');
    await queryRunner.query(
      'DROP INDEX `idx_objection_application` ON `objections`',
    );
    await queryRunner.query('DROP TABLE `objections`');
    await queryRunner.query('DROP TABLE `idempotency_keys`');
    await queryRunner.query(
      'DROP INDEX `uq_expert_assignment` ON `expert_assignments`',
    );
    await queryRunner.query(
      'DROP INDEX `idx_expert_assignment_inbox` ON `expert_assignments`',
    );
    await queryRunner.query('DROP TABLE `expert_assignments`');
    await queryRunner.query('DROP TABLE `experts`');
    await queryRunner.query('DROP INDEX `idx_call_type_window` ON `calls`');
    await queryRunner.query('DROP TABLE `calls`');
    await queryRunner.query(
      'DROP INDEX `idx_attachment_application` ON `attachments`',
    );
    await queryRunner.query(
      'DROP INDEX `idx_attachment_company` ON `attachments`',
    );
    await queryRunner.query('DROP TABLE `attachments`');
    await queryRunner.query(
      'DROP INDEX `idx_app_county_inbox` ON `applications`',
    );
    await queryRunner.query(
      'DROP INDEX `idx_app_city_inbox` ON `applications`',
    );
    await queryRunner.query(
      'DROP INDEX `idx_app_province_inbox` ON `applications`',
    );
    await queryRunner.query(
      'DROP INDEX `idx_app_bank_inbox` ON `applications`',
    );
    await queryRunner.query(
      'DROP INDEX `idx_app_provider_inbox` ON `applications`',
    );
    await queryRunner.query('DROP INDEX `idx_app_company` ON `applications`');
    await queryRunner.query(
      'DROP INDEX `idx_app_call_state` ON `applications`',
    );
    await queryRunner.query('DROP INDEX `uq_app_reference` ON `applications`');
    await queryRunner.query('DROP TABLE `applications`');
    await queryRunner.query(
      'DROP INDEX `uq_event_seq` ON `application_events`',
    );
    await queryRunner.query(
      'DROP INDEX `idx_event_actor` ON `application_events`',
    );
    await queryRunner.query('DROP TABLE `application_events`');
    await queryRunner.query('DROP TABLE `calendar_overrides`');
  }
}

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
      'CREATE TABLE "calendar_overrides" ("date" varchar(10) PRIMARY KEY NOT NULL, "kind" varchar(8) NOT NULL, "note" varchar(200) NOT NULL, "created_by" varchar(36) NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE TABLE "application_events" ("id" varchar(36) PRIMARY KEY NOT NULL, "application_id" varchar(36) NOT NULL, "seq" integer NOT NULL, "action" varchar(40) NOT NULL, "from_state" varchar(40), "to_state" varchar(40) NOT NULL, "actor_user_id" varchar(36), "actor_name" varchar(100), "actor_role" varchar(20), "party" varchar(12) NOT NULL, "comment" text, "payload" text NOT NULL, "client_ip" varchar(45), "created_at" datetime(6) NOT NULL, "prev_hash" varchar(64) NOT NULL, "hash" varchar(64) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_event_actor" ON "application_events" ("actor_user_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_event_seq" ON "application_events" ("application_id", "seq") ',
    );
    await queryRunner.query(
      'CREATE TABLE "applications" ("id" varchar(36) PRIMARY KEY NOT NULL, "reference" varchar(32) NOT NULL, "type" varchar(24) NOT NULL, "workflow_version" integer NOT NULL, "organisation_id" varchar(36) NOT NULL, "call_id" varchar(36) NOT NULL, "province_code" varchar(6) NOT NULL, "city_code" varchar(6) NOT NULL, "county_code" varchar(6) NOT NULL, "state" varchar(40) NOT NULL, "holder" varchar(12), "state_entered_at" datetime(6) NOT NULL, "due_at" datetime(6), "paused_state" varchar(40), "paused_days_left" integer, "version" integer NOT NULL, "event_count" integer NOT NULL, "chain_head" varchar(64) NOT NULL, "form" text NOT NULL, "auto_check" text, "supplement_items" text, "decision" text NOT NULL, "bank_id" varchar(36), "provider_id" varchar(36), "submitted_at" datetime(6), "created_by" varchar(36) NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_app_reference" ON "applications" ("reference") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_app_call_state" ON "applications" ("call_id", "state") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_app_company" ON "applications" ("organisation_id", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_app_provider_inbox" ON "applications" ("holder", "provider_id", "state_entered_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_app_bank_inbox" ON "applications" ("holder", "bank_id", "state_entered_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_app_province_inbox" ON "applications" ("holder", "province_code", "state_entered_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_app_city_inbox" ON "applications" ("holder", "city_code", "state_entered_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_app_county_inbox" ON "applications" ("holder", "county_code", "state_entered_at", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "attachments" ("id" varchar(36) PRIMARY KEY NOT NULL, "application_id" varchar(36) NOT NULL, "organisation_id" varchar(36) NOT NULL, "material_key" varchar(60) NOT NULL, "file_name" varchar(255) NOT NULL, "kind" varchar(8) NOT NULL, "size_bytes" integer NOT NULL, "sha256" varchar(64) NOT NULL, "storage_name" varchar(64) NOT NULL, "uploaded_by" varchar(36) NOT NULL, "uploaded_at" datetime(6) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_attachment_company" ON "attachments" ("organisation_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_attachment_application" ON "attachments" ("application_id", "material_key") ',
    );
    await queryRunner.query(
      'CREATE TABLE "calls" ("id" varchar(36) PRIMARY KEY NOT NULL, "type" varchar(24) NOT NULL, "title" varchar(200) NOT NULL, "region_code" varchar(6) NOT NULL, "opens_at" datetime(6) NOT NULL, "closes_at" datetime(6) NOT NULL, "quotas" text NOT NULL, "bureau_id" varchar(36) NOT NULL, "created_by" varchar(36) NOT NULL, "drafts_reminded_at" datetime(6), "closed_handled_at" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_call_type_window" ON "calls" ("type", "closes_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "experts" ("user_id" varchar(36) PRIMARY KEY NOT NULL, "discipline" varchar(12) NOT NULL, "employer_id" varchar(36), "conflict_ids" text NOT NULL, "province_code" varchar(6) NOT NULL, "active" boolean NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "expert_assignments" ("id" varchar(36) PRIMARY KEY NOT NULL, "application_id" varchar(36) NOT NULL, "expert_user_id" varchar(36) NOT NULL, "assigned_at" datetime(6) NOT NULL, "score" text, "opinion" text, "scored_at" datetime(6))',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_expert_assignment_inbox" ON "expert_assignments" ("expert_user_id", "scored_at") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_expert_assignment" ON "expert_assignments" ("application_id", "expert_user_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "idempotency_keys" ("user_id" varchar(36) NOT NULL, "key" varchar(100) NOT NULL, "request_hash" varchar(64) NOT NULL, "response" text NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), PRIMARY KEY ("user_id", "key"))',
    );
    await queryRunner.query(
      'CREATE TABLE "objections" ("id" varchar(36) PRIMARY KEY NOT NULL, "application_id" varchar(36) NOT NULL, "user_id" varchar(36) NOT NULL, "real_name" varchar(100) NOT NULL, "reasons" text NOT NULL, "status" varchar(12) NOT NULL, "lodged_at" datetime(6) NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_objection_application" ON "objections" ("application_id", "status") ',
    );
    await queryRunner.query(
      'CREATE TABLE "outbox" ("id" varchar(36) PRIMARY KEY NOT NULL, "application_id" varchar(36) NOT NULL, "event_id" varchar(36) NOT NULL, "queue" varchar(40) NOT NULL, "job_name" varchar(60) NOT NULL, "payload" text NOT NULL, "run_at" datetime(6) NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "dispatched_at" datetime(6))',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_outbox_pending" ON "outbox" ("dispatched_at", "created_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "reference_sequences" ("type" varchar(24) NOT NULL, "year" integer NOT NULL, "region_code" varchar(6) NOT NULL, "last_value" integer NOT NULL, PRIMARY KEY ("type", "year", "region_code"))',
    );
    await queryRunner.query(
      'CREATE TABLE "voucher_ledgers" ("organisation_id" varchar(36) NOT NULL, "year" integer NOT NULL, "committed_yuan" bigint NOT NULL, PRIMARY KEY ("organisation_id", "year"))',
    );
    await queryRunner.query(
      'CREATE TABLE "voucher_ledger_entries" ("id" varchar(36) PRIMARY KEY NOT NULL, "organisation_id" varchar(36) NOT NULL, "year" integer NOT NULL, "application_id" varchar(36) NOT NULL, "kind" varchar(12) NOT NULL, "amount_yuan" bigint NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_voucher_entry_company" ON "voucher_ledger_entries" ("organisation_id", "year") ',
    );
    await queryRunner.query(
      'CREATE TRIGGER "application_events_no_update" BEFORE UPDATE ON "application_events" BEGIN SELECT RAISE(ABORT, \'application_events is append-only\'); END',
    );
    await queryRunner.query(
      'CREATE TRIGGER "application_events_no_delete" BEFORE DELETE ON "application_events" BEGIN SELECT RAISE(ABORT, \'application_events is append-only\'); END',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'DROP TRIGGER IF EXISTS "application_events_no_delete"',
    );
    await queryRunner.query(
      'DROP TRIGGER IF EXISTS "application_events_no_update"',
    );
    await queryRunner.query('DROP INDEX "idx_voucher_entry_company"');
    await queryRunner.query('DROP TABLE "voucher_ledger_entries"');
    await queryRunner.query('DROP TABLE "voucher_ledgers"');
    await queryRunner.query('DROP TABLE "reference_sequences"');
    await queryRunner.query('DROP INDEX "idx_outbox_pending"');
    await queryRunner.query('DROP TABLE "outbox"');
    await queryRunner.query('DROP INDEX "idx_objection_application"');
    await queryRunner.query('DROP TABLE "objections"');
    await queryRunner.query('DROP TABLE "idempotency_keys"');
    await queryRunner.query('DROP INDEX "uq_expert_assignment"');
    await queryRunner.query('DROP INDEX "idx_expert_assignment_inbox"');
    await queryRunner.query('DROP TABLE "expert_assignments"');
    await queryRunner.query('DROP TABLE "experts"');
    await queryRunner.query('DROP INDEX "idx_call_type_window"');
    await queryRunner.query('DROP TABLE "calls"');
    await queryRunner.query('DROP INDEX "idx_attachment_application"');
    await queryRunner.query('DROP INDEX "idx_attachment_company"');
    await queryRunner.query('DROP TABLE "attachments"');
    await queryRunner.query('DROP INDEX "idx_app_county_inbox"');
    await queryRunner.query('DROP INDEX "idx_app_city_inbox"');
    await queryRunner.query('DROP INDEX "idx_app_province_inbox"');
    await queryRunner.query('DROP INDEX "idx_app_bank_inbox"');
    await queryRunner.query('DROP INDEX "idx_app_provider_inbox"');
    await queryRunner.query('DROP INDEX "idx_app_company"');
    await queryRunner.query('DROP INDEX "idx_app_call_state"');
    await queryRunner.query('DROP INDEX "uq_app_reference"');
    await queryRunner.query('DROP TABLE "applications"');
    await queryRunner.query('DROP INDEX "uq_event_seq"');
    await queryRunner.query('DROP INDEX "idx_event_actor"');
    await queryRunner.query('DROP TABLE "application_events"');
    await queryRunner.query('DROP TABLE "calendar_overrides"');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The same schema as the MySQL migration of this name, in SQLite's dialect. */
export class Foundation1764270000000 implements MigrationInterface {
  name = 'Foundation1764270000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_log" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime(6) NOT NULL, "user_id" varchar(36), "user_email" varchar(254), "ip" varchar(45), "action" varchar(64) NOT NULL, "object_type" varchar(32), "object_id" varchar(64), "result" varchar(10) NOT NULL, "detail" text)',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_audit_user" ON "audit_log" ("user_id", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_audit_action" ON "audit_log" ("action", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "invitations" ("id" varchar(36) PRIMARY KEY NOT NULL, "organisation_id" varchar(36) NOT NULL, "email" varchar(254) NOT NULL, "role" varchar(20) NOT NULL, "invited_by" varchar(36) NOT NULL, "language" varchar(5) NOT NULL DEFAULT (\'zh-CN\'), "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "expires_at" datetime(6) NOT NULL, "accepted_at" datetime(6))',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_invitation_org_email" ON "invitations" ("organisation_id", "email") ',
    );
    await queryRunner.query(
      'CREATE TABLE "login_throttle" ("email" varchar(254) PRIMARY KEY NOT NULL, "failures" integer NOT NULL DEFAULT (0), "last_failure_at" datetime(6) NOT NULL, "locked_until" datetime(6))',
    );
    await queryRunner.query(
      'CREATE TABLE "organisations" ("id" varchar(36) PRIMARY KEY NOT NULL, "kind" varchar(12) NOT NULL, "name" varchar(200) NOT NULL, "credit_code" varchar(18), "region_code" varchar(6) NOT NULL, "province_code" varchar(6) NOT NULL, "city_code" varchar(6), "county_code" varchar(6), "level" varchar(10), "verification_status" varchar(10) NOT NULL, "verification_comment" varchar(1000), "verified_at" datetime(6), "verified_by" varchar(36), "contact_name" varchar(100), "contact_phone" varchar(20), "contact_email" varchar(254), "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_org_credit_code" ON "organisations" ("credit_code") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_org_province_queue" ON "organisations" ("kind", "province_code", "verification_status", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_org_city_queue" ON "organisations" ("kind", "city_code", "verification_status", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_org_county_queue" ON "organisations" ("kind", "county_code", "verification_status", "created_at", "id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "users" ("id" varchar(36) PRIMARY KEY NOT NULL, "email" varchar(254) NOT NULL, "name" varchar(100) NOT NULL, "phone" varchar(20), "password_hash" varchar(255) NOT NULL, "language" varchar(5) NOT NULL DEFAULT (\'zh-CN\'), "totp_secret" varchar(255), "totp_enabled_at" datetime(6), "disabled_at" datetime(6), "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "updated_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email") ',
    );
    await queryRunner.query(
      'CREATE TABLE "memberships" ("id" varchar(36) PRIMARY KEY NOT NULL, "user_id" varchar(36) NOT NULL, "organisation_id" varchar(36) NOT NULL, "role" varchar(20) NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_7c1e2fdfed4f6838e0c05ae5051" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_55c59139e9136eb9a76ed30c6dc" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_membership_org" ON "memberships" ("organisation_id", "role") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_membership" ON "memberships" ("user_id", "organisation_id", "role") ',
    );
    await queryRunner.query(
      'CREATE TABLE "regions" ("code" varchar(6) PRIMARY KEY NOT NULL, "name" varchar(100) NOT NULL, "level" varchar(10) NOT NULL, "parent_code" varchar(6))',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_regions_parent" ON "regions" ("parent_code") ',
    );
    await queryRunner.query(
      'CREATE TABLE "sessions" ("id" varchar(64) PRIMARY KEY NOT NULL, "user_id" varchar(36) NOT NULL, "stage" varchar(16) NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')), "last_seen_at" datetime(6) NOT NULL, "expires_at" datetime(6) NOT NULL, "revoked_at" datetime(6), "ip" varchar(45), "user_agent" varchar(255))',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_sessions_user" ON "sessions" ("user_id", "revoked_at") ',
    );
    await queryRunner.query(
      'CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE ON "audit_log" BEGIN SELECT RAISE(ABORT, \'audit_log is append-only\'); END',
    );
    await queryRunner.query(
      'CREATE TRIGGER "audit_log_no_delete" BEFORE DELETE ON "audit_log" BEGIN SELECT RAISE(ABORT, \'audit_log is append-only\'); END',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER IF EXISTS "audit_log_no_delete"');
    await queryRunner.query('DROP TRIGGER IF EXISTS "audit_log_no_update"');
    await queryRunner.query('DROP TABLE "sessions"');
    await queryRunner.query('DROP TABLE "regions"');
    await queryRunner.query('DROP TABLE "memberships"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP TABLE "organisations"');
    await queryRunner.query('DROP TABLE "login_throttle"');
    await queryRunner.query('DROP TABLE "invitations"');
    await queryRunner.query('DROP TABLE "audit_log"');
  }
}

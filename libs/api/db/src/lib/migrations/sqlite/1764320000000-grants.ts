import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Grants as rows (certificates, registrations), with the certificates already issued. */
export class Grants1764320000000 implements MigrationInterface {
  name = 'Grants1764320000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "grants" ("id" varchar(36) PRIMARY KEY NOT NULL, "series" varchar(32) NOT NULL, "number" varchar(32) NOT NULL, "organisation_id" varchar(36) NOT NULL, "application_id" varchar(36) NOT NULL, "issued_on" varchar(10) NOT NULL, "valid_until" varchar(10) NOT NULL, "created_at" datetime(6) NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "uq_grant_number" ON "grants" ("series", "number") ',
    );
    await queryRunner.query(
      'CREATE INDEX "idx_grant_holder" ON "grants" ("organisation_id", "series", "valid_until") ',
    );
    await queryRunner.query(
      'INSERT INTO "grants" ("id", "series", "number", "organisation_id", "application_id", "issued_on", "valid_until") SELECT lower(hex(randomblob(18))), \'high_tech_certificate\', json_extract("decision", \'$.certificate.number\'), "organisation_id", "id", json_extract("decision", \'$.certificate.issuedOn\'), json_extract("decision", \'$.certificate.validUntil\') FROM "applications" WHERE json_extract("decision", \'$.certificate.number\') IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "idx_grant_holder"');
    await queryRunner.query('DROP INDEX "uq_grant_number"');
    await queryRunner.query('DROP TABLE "grants"');
  }
}

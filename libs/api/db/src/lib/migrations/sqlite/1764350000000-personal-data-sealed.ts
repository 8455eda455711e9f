import type { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = [
  ['organisations', 'contact_phone'],
  ['users', 'phone'],
] as const;

/**
 * Phone numbers sealed at rest (SM4): the columns widen to hold the sealed form (SQLite cannot
 * change a column's type, so each is copied into a new one). The values themselves are sealed
 * when the portal starts (it holds the key; a migration does not).
 */
export class PersonalDataSealed1764350000000 implements MigrationInterface {
  name = 'PersonalDataSealed1764350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of COLUMNS) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD COLUMN "${column}_sealed" varchar(128)`,
      );
      await queryRunner.query(
        `UPDATE "${table}" SET "${column}_sealed" = "${column}"`,
      );
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
      await queryRunner.query(
        `ALTER TABLE "${table}" RENAME COLUMN "${column}_sealed" TO "${column}"`,
      );
    }
  }

  /** Only while nothing is sealed yet: a sealed number does not fit, nor opens without the key. */
  async down(queryRunner: QueryRunner): Promise<void> {
    const [sealed] = await queryRunner.query(
      "SELECT (SELECT COUNT(*) FROM organisations WHERE contact_phone LIKE 'sm4:%') + (SELECT COUNT(*) FROM users WHERE phone LIKE 'sm4:%') AS n",
    );
    if (Number(sealed.n) > 0)
      throw new Error(
        'Sealed phone numbers do not fit the old columns: restore the backup taken before the upgrade',
      );
    for (const [table, column] of COLUMNS) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD COLUMN "${column}_plain" varchar(20)`,
      );
      await queryRunner.query(
        `UPDATE "${table}" SET "${column}_plain" = "${column}"`,
      );
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
      await queryRunner.query(
        `ALTER TABLE "${table}" RENAME COLUMN "${column}_plain" TO "${column}"`,
      );
    }
  }
}

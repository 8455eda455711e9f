import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Phone numbers sealed at rest (SM4): the columns widen to hold the sealed form. The values
 * themselves are sealed when the portal starts (it holds the key; a migration does not).
 */
export class PersonalDataSealed1764350000000 implements MigrationInterface {
  name = 'PersonalDataSealed1764350000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `organisations` MODIFY `contact_phone` varchar(128) NULL',
    );
    await queryRunner.query(
      'ALTER TABLE `users` MODIFY `phone` varchar(128) NULL',
    );
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
    await queryRunner.query(
      'ALTER TABLE `organisations` MODIFY `contact_phone` varchar(20) NULL',
    );
    await queryRunner.query(
      'ALTER TABLE `users` MODIFY `phone` varchar(20) NULL',
    );
  }
}

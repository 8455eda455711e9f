import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The revision of the calendar overrides, so that processes may keep the overrides they read. */
export class CalendarRevision1764310000000 implements MigrationInterface {
  name = 'CalendarRevision1764310000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `calendar_revision` (`id` int NOT NULL, `revision` int NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'INSERT INTO `calendar_revision` (`id`, `revision`) VALUES (1, 0)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `calendar_revision`');
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A staff invitation's placement beyond the role (an expert's discipline, employer and conflicts). */
export class StaffInvitations1764371000000 implements MigrationInterface {
  name = 'StaffInvitations1764371000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "invitations" ADD COLUMN "profile" text',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "invitations" DROP COLUMN "profile"');
  }
}

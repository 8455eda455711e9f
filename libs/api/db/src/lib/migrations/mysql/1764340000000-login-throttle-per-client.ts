import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed log-ins counted per address and client, beside a per-address ceiling row
 * (client '*'). The old per-address counts are dropped: they only ever held 30 minutes.
 */
export class LoginThrottlePerClient1764340000000 implements MigrationInterface {
  name = 'LoginThrottlePerClient1764340000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `login_throttle`');
    await queryRunner.query(
      "CREATE TABLE `login_throttle` (`email` varchar(254) NOT NULL, `client` varchar(45) NOT NULL, `failures` int NOT NULL DEFAULT '0', `last_failure_at` datetime(6) NOT NULL, `locked_until` datetime(6) NULL, PRIMARY KEY (`email`, `client`)) ENGINE=InnoDB",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `login_throttle`');
    await queryRunner.query(
      "CREATE TABLE `login_throttle` (`email` varchar(254) NOT NULL, `failures` int NOT NULL DEFAULT '0', `last_failure_at` datetime(6) NOT NULL, `locked_until` datetime(6) NULL, PRIMARY KEY (`email`)) ENGINE=InnoDB",
    );
  }
}

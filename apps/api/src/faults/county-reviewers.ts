import { randomUUID } from 'node:crypto';
import {
  MembershipEntity,
  OrganisationEntity,
  UserEntity,
} from '@portal/api-db';
import type { DataSource } from 'typeorm';

/** More reviewers at the Jiashan county bureau: each status change there reaches all of them. */
export async function addCountyReviewers(
  dataSource: DataSource,
  count: number,
): Promise<void> {
  const bureau = await dataSource
    .getRepository(OrganisationEntity)
    .findOneByOrFail({ kind: 'bureau', level: 'county', regionCode: '330421' });
  const users = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    email: `county.reviewer${i}@example.com`,
    name: `县级审核员${i}`,
    phone: null,
    passwordHash: 'not-used',
    language: i % 2 ? ('en' as const) : ('zh-CN' as const),
    totpSecret: null,
    totpEnabledAt: null,
    disabledAt: null,
  }));
  await dataSource
    .getRepository(UserEntity)
    .insert(users.map((u) => ({ ...u })));
  await dataSource.getRepository(MembershipEntity).insert(
    users.map((u) => ({
      id: randomUUID(),
      userId: u.id,
      organisationId: bureau.id,
      role: 'reviewer' as const,
    })),
  );
}

import type { RegionLevel, Role } from '@portal/domain';
import type { EntityManager } from 'typeorm';
import { MembershipEntity } from '../entities/membership.entity';
import { OrganisationEntity } from '../entities/organisation.entity';
import { MEMBERSHIP_COLUMNS, type MembershipRow } from './membership-columns';
import { ACTIVE, USERS, type RecipientUser } from './recipient-users';

export type { MembershipRow } from './membership-columns';
export type { RecipientUser } from './recipient-users';

/** Written out once (a notify job runs these for every transition). */
const USERS_OF = {
  enterprise: `${USERS}, m.role AS role FROM users u JOIN memberships m ON m.user_id = u.id WHERE ${ACTIVE} AND m.organisation_id = ? AND m.role IN ('enterprise_admin', 'enterprise_member')`,
  bureau: `${USERS}, m.role AS role FROM users u JOIN memberships m ON m.user_id = u.id JOIN organisations o ON o.id = m.organisation_id WHERE ${ACTIVE} AND m.role = 'reviewer' AND o.kind = 'bureau' AND o.level = ? AND o.region_code = ?`,
  partner: `${USERS}, m.role AS role FROM users u JOIN memberships m ON m.user_id = u.id WHERE ${ACTIVE} AND m.organisation_id = ? AND m.role = ?`,
};

/**
 * Who holds which role where. The recipients' lookups are written out once: a notify job runs
 * them for every transition.
 */
export const MembershipsRepository = {
  /** The user's memberships with their organisations, oldest first. */
  async ofUser(em: EntityManager, userId: string): Promise<MembershipRow[]> {
    return em
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .innerJoin(OrganisationEntity, 'o', 'o.id = m.organisation_id')
      .select(MEMBERSHIP_COLUMNS)
      .where('m.user_id = :userId', { userId })
      .orderBy('m.created_at', 'ASC')
      .getRawMany<MembershipRow>();
  },

  /** The company's active admins and members, each with their role. */
  async companyUsers(
    em: EntityManager,
    organisationId: string,
  ): Promise<RecipientUser[]> {
    return em.query(USERS_OF.enterprise, [organisationId]);
  },

  /** The active reviewers of the bureau of that level (county, city, province) for that region. */
  async bureauReviewers(
    em: EntityManager,
    level: RegionLevel,
    regionCode: string,
  ): Promise<RecipientUser[]> {
    return em.query(USERS_OF.bureau, [level, regionCode]);
  },

  /** The organisation's active users who hold the role there (a bank's officers, a provider's staff). */
  async holdersOf(
    em: EntityManager,
    organisationId: string,
    role: Role,
  ): Promise<RecipientUser[]> {
    return em.query(USERS_OF.partner, [organisationId, role]);
  },
};

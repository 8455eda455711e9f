import type { DataSource, EntityManager } from 'typeorm';
import { MembershipEntity } from '../entities/membership.entity';
import { OrganisationEntity } from '../entities/organisation.entity';
import { SessionEntity, type SessionStage } from '../entities/session.entity';
import { UserEntity } from '../entities/user.entity';
import { MEMBERSHIP_COLUMNS, type MembershipRow } from './membership-columns';

/** The session and its user, once per membership (once with nulls for a user without any). */
export type SessionActorRow = {
  s_id: string;
  s_user_id: string;
  s_stage: SessionStage;
  s_last_seen_at: string | Date;
  s_expires_at: string | Date;
  s_revoked_at: string | Date | null;
  user_email: string;
  user_name: string;
  user_disabled_at: string | Date | null;
} & (MembershipRow | { [K in keyof MembershipRow]: null });

/** The actor lookup's SQL per data source (its dialect), built once. */
const actorStatements = new WeakMap<DataSource, string>();

/**
 * The session lookup every request pays, run as a statement built once: building it with the
 * query builder on each request cost more CPU than running it.
 */
export const SessionsRepository = {
  /** The session with its user, memberships and their organisations: one row per membership, none if no such session. */
  async actorRows(
    em: EntityManager,
    sessionId: string,
  ): Promise<SessionActorRow[]> {
    return em.query(actorSql(em), [sessionId]);
  },
};

function actorSql(em: EntityManager): string {
  let sql = actorStatements.get(em.connection);
  if (sql === undefined) {
    sql = em
      .getRepository(SessionEntity)
      .createQueryBuilder('s')
      .innerJoin(UserEntity, 'u', 'u.id = s.user_id')
      .leftJoin(MembershipEntity, 'm', 'm.user_id = u.id')
      .leftJoin(OrganisationEntity, 'o', 'o.id = m.organisation_id')
      .select([
        's.id AS s_id',
        's.user_id AS s_user_id',
        's.stage AS s_stage',
        's.last_seen_at AS s_last_seen_at',
        's.expires_at AS s_expires_at',
        's.revoked_at AS s_revoked_at',
        'u.email AS user_email',
        'u.name AS user_name',
        'u.disabled_at AS user_disabled_at',
        ...MEMBERSHIP_COLUMNS,
      ])
      .where('s.id = :id', { id: '' })
      .orderBy('m.created_at', 'ASC')
      .getQueryAndParameters()[0];
    actorStatements.set(em.connection, sql);
  }
  return sql;
}

import type { EntityManager } from 'typeorm';
import { ACTIVE, USERS, type RecipientUser } from './recipient-users';

const OBJECTORS = `${USERS}, NULL AS role FROM users u JOIN objections ob ON ob.user_id = u.id WHERE ${ACTIVE} AND ob.application_id = ?`;

/**
 * Objections to a case on public notice. The recipients' lookup is written out once: a notify
 * job runs it for every transition.
 */
export const ObjectionsRepository = {
  /** The active users who objected to the case (role null; once per objection). */
  async objectors(
    em: EntityManager,
    applicationId: string,
  ): Promise<RecipientUser[]> {
    return em.query(OBJECTORS, [applicationId]);
  },
};

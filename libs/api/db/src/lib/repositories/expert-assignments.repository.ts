import type { EntityManager } from 'typeorm';
import { ACTIVE, USERS, type RecipientUser } from './recipient-users';

const ASSIGNED_USERS = `${USERS}, NULL AS role FROM users u JOIN expert_assignments a ON a.expert_user_id = u.id WHERE ${ACTIVE} AND a.application_id = ?`;

/**
 * The experts drawn for a case. The recipients' lookup is written out once: a notify job runs
 * it for every transition.
 */
export const ExpertAssignmentsRepository = {
  /** The active users drawn as experts for the case (role null). */
  async assignedUsers(
    em: EntityManager,
    applicationId: string,
  ): Promise<RecipientUser[]> {
    return em.query(ASSIGNED_USERS, [applicationId]);
  },
};

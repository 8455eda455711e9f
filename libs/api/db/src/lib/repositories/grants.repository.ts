import type { GrantSeries, HeldGrant } from '@portal/domain';
import type { EntityManager } from 'typeorm';
import { GrantEntity } from '../entities/grant.entity';
import { insertRows } from '../rows';

/**
 * Certificates and registrations the portal granted, as other programmes read them; the read is
 * written out because it runs in automated checks and guards, on the transition's path.
 */
export const GrantsRepository = {
  /** Records a grant in the transition's transaction. */
  async record(em: EntityManager, grant: GrantEntity): Promise<void> {
    await insertRows(em, GrantEntity, grant);
  },

  /** The company's grants valid on `onDate` (ISO), newest first; read by automated checks and guards. */
  async validOf(
    em: EntityManager,
    organisationId: string,
    onDate: string,
    series?: GrantSeries,
  ): Promise<HeldGrant[]> {
    return em.query(
      `SELECT series, number, valid_until AS validUntil FROM grants WHERE organisation_id = ? AND issued_on <= ? AND valid_until >= ?${series ? ' AND series = ?' : ''} ORDER BY valid_until DESC`,
      [organisationId, onDate, onDate, ...(series ? [series] : [])],
    );
  },
};

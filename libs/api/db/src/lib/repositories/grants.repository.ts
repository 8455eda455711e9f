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

  /**
   * The company's newest grant of `series` valid on `onDate`, with the form of the filing it was
   * granted on (null when that filing is not in the portal).
   */
  async newestValidWithFiling(
    em: EntityManager,
    organisationId: string,
    onDate: string,
    series: GrantSeries,
  ): Promise<{
    grant: HeldGrant;
    form: Record<string, unknown> | null;
  } | null> {
    const [row]: {
      series: GrantSeries;
      number: string;
      validUntil: string;
      form: string | Record<string, unknown> | null;
    }[] = await em.query(
      'SELECT g.series AS series, g.number AS number, g.valid_until AS validUntil, a.form AS form FROM grants g LEFT JOIN applications a ON a.id = g.application_id WHERE g.organisation_id = ? AND g.series = ? AND g.issued_on <= ? AND g.valid_until >= ? ORDER BY g.valid_until DESC, g.issued_on DESC LIMIT 1',
      [organisationId, series, onDate, onDate],
    );
    if (!row) return null;
    const { form, ...grant } = row;
    return {
      grant,
      form: typeof form === 'string' ? JSON.parse(form) : form,
    };
  },
};

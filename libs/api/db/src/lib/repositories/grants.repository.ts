import type { GrantSeries, HeldGrant } from '@portal/domain';
import type { EntityManager } from 'typeorm';
import { GrantEntity } from '../entities/grant.entity';
import { insertRows } from '../rows';

/** Certificates and registrations the portal granted, as other programmes read them. */
export const GrantsRepository = {
  /** Records a grant in the transition's transaction. */
  async record(em: EntityManager, grant: GrantEntity): Promise<void> {
    await insertRows(em, GrantEntity, grant);
  },

  /** The company's grants valid on `onDate` (ISO), newest first. */
  async validOf(
    em: EntityManager,
    organisationId: string,
    onDate: string,
    series?: GrantSeries,
  ): Promise<HeldGrant[]> {
    const rows = await em.getRepository(GrantEntity).find({
      where: { organisationId, ...(series ? { series } : {}) },
      order: { validUntil: 'DESC' },
    });
    return rows
      .filter((g) => g.issuedOn <= onDate && onDate <= g.validUntil)
      .map(({ series: s, number, validUntil }) => ({
        series: s,
        number,
        validUntil,
      }));
  },
};

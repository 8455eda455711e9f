import { In, type EntityManager } from 'typeorm';
import { YearlyTargetEntity } from '../entities/yearly-target.entity';

/** The regions' yearly targets. */
export const YearlyTargetsRepository = {
  /** The targets set for `year` in the regions given. */
  ofYear(
    em: EntityManager,
    year: number,
    regionCodes: readonly string[],
  ): Promise<YearlyTargetEntity[]> {
    if (!regionCodes.length) return Promise.resolve([]);
    return em.getRepository(YearlyTargetEntity).find({
      where: { year, regionCode: In([...regionCodes]) },
    });
  },

  /** Sets one region's targets for a year, replacing what was there. */
  async save(em: EntityManager, row: YearlyTargetEntity): Promise<void> {
    await em.upsert(YearlyTargetEntity, row, ['regionCode', 'year']);
  },
};

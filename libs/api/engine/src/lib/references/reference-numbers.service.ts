import { Injectable } from '@nestjs/common';
import {
  forUpdate,
  ReferenceSequenceEntity,
  ReferenceSequencesRepository,
} from '@portal/api-db';
import type { EntityManager } from 'typeorm';

/**
 * Gap-free counters per series (type, year, region), taken inside the caller's transaction.
 * One upsert takes the row's exclusive lock at once: concurrent filings of one series queue on
 * it. (An INSERT IGNORE first, then an UPDATE, let two transactions share the lock and then
 * deadlock, each waiting to upgrade it.)
 */
@Injectable()
export class ReferenceNumbersService {
  async next(
    em: EntityManager,
    series: string,
    year: number,
    regionCode: string,
  ): Promise<number> {
    await ReferenceSequencesRepository.bump(em, series, year, regionCode);
    const row = await forUpdate(
      em,
      em
        .getRepository(ReferenceSequenceEntity)
        .createQueryBuilder('s')
        .where(
          's.type = :series AND s.year = :year AND s.region_code = :regionCode',
          { series, year, regionCode },
        ),
    ).getOneOrFail();
    return row.lastValue;
  }
}

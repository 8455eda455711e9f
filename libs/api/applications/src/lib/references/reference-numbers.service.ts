import { Injectable } from '@nestjs/common';
import { ReferenceSequenceEntity } from '@portal/api-db';
import type { EntityManager } from 'typeorm';
import { forUpdate } from '../transitions/locking';

/** Gap-free counters per series (type, year, region), taken inside the caller's transaction. */
@Injectable()
export class ReferenceNumbersService {
  async next(
    em: EntityManager,
    series: string,
    year: number,
    regionCode: string,
  ): Promise<number> {
    await em
      .createQueryBuilder()
      .insert()
      .into(ReferenceSequenceEntity)
      .values({ type: series, year, regionCode, lastValue: 0 })
      .orIgnore()
      .execute();
    await em
      .createQueryBuilder()
      .update(ReferenceSequenceEntity)
      .set({ lastValue: () => 'last_value + 1' })
      .where('type = :series AND year = :year AND region_code = :regionCode', {
        series,
        year,
        regionCode,
      })
      .execute();
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

import type { EntityManager } from 'typeorm';

/** The per-series, year and region counters behind reference and certificate numbers. */
export const ReferenceSequencesRepository = {
  /** Creates the counter at 1 or moves it on by one; the row stays locked until commit. */
  async bump(
    em: EntityManager,
    series: string,
    year: number,
    regionCode: string,
  ): Promise<void> {
    // An upsert, which the query builder cannot write for both databases.
    const upsert =
      em.connection.driver.options.type === 'better-sqlite3'
        ? 'INSERT INTO reference_sequences (type, year, region_code, last_value) VALUES (?, ?, ?, 1) ON CONFLICT (type, year, region_code) DO UPDATE SET last_value = last_value + 1'
        : 'INSERT INTO reference_sequences (type, year, region_code, last_value) VALUES (?, ?, ?, 1) ON DUPLICATE KEY UPDATE last_value = last_value + 1';
    await em.query(upsert, [series, year, regionCode]);
  },
};

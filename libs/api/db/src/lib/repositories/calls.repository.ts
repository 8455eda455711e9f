import type { EntityManager } from 'typeorm';
import { regionLevel } from '@portal/domain';

/** What the bureau's list of calls counts: applications per call and each quota's use. */
export const CallsRepository = {
  /** Applications filed per call (drafts included), for the calls given. */
  async applicationCounts(
    em: EntityManager,
    callIds: readonly string[],
  ): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (!callIds.length) return counts;
    const rows: { call_id: string; n: number | string }[] = await em.query(
      `SELECT call_id, COUNT(*) AS n FROM applications WHERE call_id IN (${callIds.map(() => '?').join(', ')}) GROUP BY call_id`,
      [...callIds],
    );
    for (const row of rows) counts.set(row.call_id, Number(row.n));
    return counts;
  },

  /**
   * Cases of the call inside `regionCode` that were sent on by one of `actions` (the
   * transitions the quota guard counts): what the quota of that region has used.
   */
  async quotaUsed(
    em: EntityManager,
    query: {
      readonly callId: string;
      readonly regionCode: string;
      readonly actions: readonly string[];
    },
  ): Promise<number> {
    if (!query.actions.length) return 0;
    const level = regionLevel(query.regionCode);
    const [{ used }] = (await em.query(
      `SELECT COUNT(DISTINCT e.application_id) AS used FROM application_events e JOIN applications a ON a.id = e.application_id WHERE a.call_id = ? AND a.${level}_code = ? AND e.action IN (${query.actions.map(() => '?').join(', ')})`,
      [query.callId, query.regionCode, ...query.actions],
    )) as [{ used: number | string }];
    return Number(used);
  },
};

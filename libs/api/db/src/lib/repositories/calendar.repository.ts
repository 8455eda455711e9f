import type { EntityManager } from 'typeorm';
import type { CalendarOverrideEntity } from '../entities/calendar-override.entity';
import { execute } from '../rows';

/** The holiday calendar's local overrides and their revision; every transition with a clock reads them. */
export const CalendarRepository = {
  /** Every override (a handful a year), by date. */
  async overrides(
    em: EntityManager,
  ): Promise<Pick<CalendarOverrideEntity, 'date' | 'kind'>[]> {
    return em.query('SELECT date, kind FROM calendar_overrides ORDER BY date');
  },

  /** Moves the revision on, in the transaction of the change it marks. */
  async nextRevision(em: EntityManager): Promise<void> {
    await execute(
      em,
      'UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1',
      [],
    );
  },
};

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CalendarRepository } from '@portal/api-db';
import type { CalendarOverrides } from '@portal/domain/calendar';
import { DataSource, type EntityManager } from 'typeorm';

const RECENT_FOR_MS = 60_000;

/** The published holiday calendar as the administrators corrected it, read by every clock. */
@Injectable()
export class WorkingCalendar {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The overrides of the revision last read here (see CalendarRevisionEntity). */
  private kept: { revision: number; overrides: CalendarOverrides } | null =
    null;

  /**
   * The overrides as of `revision`, read in the caller's transaction with its case: from the
   * last read when the revision is the same, else read again (null: always read).
   */
  async overridesAt(
    em: EntityManager,
    revision: number | null,
  ): Promise<CalendarOverrides> {
    if (revision !== null && this.kept?.revision === revision)
      return this.kept.overrides;
    const overrides = await this.overrides(em);
    if (revision !== null) this.kept = { revision, overrides };
    return overrides;
  }

  /**
   * The overrides for showing working days left in a list: read at most once a minute, as a
   * list's badge may lag a calendar change by that much, where a decision may not.
   */
  async recentOverrides(): Promise<CalendarOverrides> {
    const now = Date.now();
    if (this.recent && now - this.recent.readAt < RECENT_FOR_MS)
      return this.recent.overrides;
    const overrides = await this.overrides();
    this.recent = { readAt: now, overrides };
    return overrides;
  }

  private recent: { readAt: number; overrides: CalendarOverrides } | null =
    null;

  /** All overrides (a handful a year), in the form the working-day functions take. */
  async overrides(
    em: EntityManager = this.dataSource.manager,
  ): Promise<CalendarOverrides> {
    const rows = await CalendarRepository.overrides(em);
    return {
      holidays: rows.filter((r) => r.kind === 'holiday').map((r) => r.date),
      workdays: rows.filter((r) => r.kind === 'workday').map((r) => r.date),
    };
  }
}

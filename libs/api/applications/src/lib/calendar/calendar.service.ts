import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type Actor } from '@portal/api-access';
import { ValidationFailedError } from '@portal/api-core';
import { CalendarOverrideEntity, execute } from '@portal/api-db';
import type {
  CalendarOverrideRequest,
  CalendarOverrideView,
} from '@portal/contracts';
import type { CalendarOverrides } from '@portal/domain/calendar';
import { DataSource, type EntityManager } from 'typeorm';

/** The administrator's corrections to the published holiday calendar, read by every clock. */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

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

  /** All overrides (a handful a year), in the form the working-day functions take. */
  async overrides(
    em: EntityManager = this.dataSource.manager,
  ): Promise<CalendarOverrides> {
    // Written out: every transition with a clock reads it.
    const rows: Pick<CalendarOverrideEntity, 'date' | 'kind'>[] =
      await em.query('SELECT date, kind FROM calendar_overrides ORDER BY date');
    return {
      holidays: rows.filter((r) => r.kind === 'holiday').map((r) => r.date),
      workdays: rows.filter((r) => r.kind === 'workday').map((r) => r.date),
    };
  }

  async list(): Promise<CalendarOverrideView[]> {
    const rows = await this.dataSource
      .getRepository(CalendarOverrideEntity)
      .find({ order: { date: 'ASC' } });
    return rows.map((r) => ({ date: r.date, kind: r.kind, note: r.note }));
  }

  async set(
    actor: Actor,
    date: string,
    request: CalendarOverrideRequest,
  ): Promise<CalendarOverrideView> {
    if (!isCalendarDate(date))
      throw new ValidationFailedError([
        {
          field: 'date',
          code: 'date.invalid',
          message: 'Use a date like 2026-10-09',
        },
      ]);
    await this.dataSource.transaction(async (em) => {
      await em.upsert(
        CalendarOverrideEntity,
        {
          date,
          kind: request.kind,
          note: request.note.trim(),
          createdBy: actor.userId,
        },
        ['date'],
      );
      await nextRevision(em);
      await this.audit.record(
        {
          action: 'calendar.override_set',
          result: 'success',
          userId: actor.userId,
          userEmail: actor.email,
          ip: actor.ip,
          objectType: 'calendar',
          objectId: date,
          detail: { kind: request.kind },
        },
        em,
      );
    });
    return { date, kind: request.kind, note: request.note.trim() };
  }

  async remove(actor: Actor, date: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.delete(CalendarOverrideEntity, { date });
      await nextRevision(em);
      await this.audit.record(
        {
          action: 'calendar.override_removed',
          result: 'success',
          userId: actor.userId,
          userEmail: actor.email,
          ip: actor.ip,
          objectType: 'calendar',
          objectId: date,
        },
        em,
      );
    });
  }
}

/** Every change to the overrides moves the revision on, in the change's own transaction. */
async function nextRevision(em: EntityManager): Promise<void> {
  await execute(
    em,
    'UPDATE calendar_revision SET revision = revision + 1 WHERE id = 1',
    [],
  );
}

/** A real calendar day written YYYY-MM-DD (no 30 February). */
function isCalendarDate(date: string): boolean {
  if (!/^\d{4}-\d\d-\d\d$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return (
    !Number.isNaN(parsed.getTime()) &&
    parsed.toISOString().slice(0, 10) === date
  );
}

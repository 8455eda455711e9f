import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService, type Actor } from '@portal/api-access';
import { ValidationFailedError } from '@portal/api-core';
import {
  CalendarOverrideEntity,
  CalendarRepository,
  CalendarRevisionEntity,
} from '@portal/api-db';
import type {
  CalendarOverrideRequest,
  CalendarOverrideView,
  CalendarYearView,
} from '@portal/contracts';
import { publishedSpecialDays } from '@portal/domain/calendar';
import { Between, DataSource, type EntityManager } from 'typeorm';

/** The administrator's corrections to the published holiday calendar (the clocks read them through WorkingCalendar). */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<CalendarOverrideView[]> {
    const rows = await this.dataSource
      .getRepository(CalendarOverrideEntity)
      .find({ order: { date: 'ASC' } });
    return rows.map((r) => ({ date: r.date, kind: r.kind, note: r.note }));
  }

  /** The year's published holidays and make-up days beside the local overrides, and the revision. */
  async year(year: number): Promise<CalendarYearView> {
    const rows = await this.dataSource
      .getRepository(CalendarOverrideEntity)
      .find({
        where: { date: Between(`${year}-01-01`, `${year}-12-31`) },
        order: { date: 'ASC' },
      });
    return {
      year,
      revision: await revisionOf(this.dataSource.manager),
      published: publishedSpecialDays(year),
      overrides: rows.map((r) => ({
        date: r.date,
        kind: r.kind,
        note: r.note,
      })),
    };
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
    const revision = await this.dataSource.transaction(async (em) => {
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
      await CalendarRepository.nextRevision(em);
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
      return revisionOf(em);
    });
    return { date, kind: request.kind, note: request.note.trim(), revision };
  }

  async remove(actor: Actor, date: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.delete(CalendarOverrideEntity, { date });
      await CalendarRepository.nextRevision(em);
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

async function revisionOf(em: EntityManager): Promise<number> {
  const row = await em
    .getRepository(CalendarRevisionEntity)
    .findOneBy({ id: 1 });
  return row?.revision ?? 0;
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

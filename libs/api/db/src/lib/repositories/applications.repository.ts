import type { EntityManager } from 'typeorm';
import { ApplicationEventEntity } from '../entities/application-event.entity';
import { ApplicationEntity } from '../entities/application.entity';
import { CallEntity } from '../entities/call.entity';
import { columnsAs, execute, hydrateRow } from '../rows';
import {
  NAME_COLUMNS,
  NAME_JOINS,
  type NameColumns,
} from './application-names';
import { summaryCount, summaryPage } from './application-summaries.repository';
import { lockingClause } from './locking';

/** What a notice is about: the case, its company's name and the event, read together. */
export interface NoticeCase {
  readonly application: ApplicationEntity;
  readonly companyName: string | null;
  /** Null when the job names no event or it is not one of the case's. */
  readonly event: ApplicationEventEntity | null;
}

export interface CaseWithCall {
  readonly application: ApplicationEntity;
  readonly call: CallEntity;
  /** The holiday calendar's revision as the case was read; null when it was read with a lock. */
  readonly calendarRevision: number | null;
}

/**
 * The statements on cases (`applications`) written out, each once: these run on every
 * transition and job, where a query builder cost more CPU than the database spent.
 */
export const ApplicationsRepository = {
  /** The case with its company's name and the event (if it is the case's), in one statement; null if no case. */
  async noticeCase(
    em: EntityManager,
    applicationId: string,
    eventId: string | null,
  ): Promise<NoticeCase | null> {
    const dataSource = em.connection;
    const [row]: Record<string, unknown>[] = await em.query(
      `SELECT a.*, o.name AS company_name, ${columnsAs(dataSource, ApplicationEventEntity, 'e', 'event__')} FROM applications a LEFT JOIN organisations o ON o.id = a.organisation_id LEFT JOIN application_events e ON e.id = ? AND e.application_id = a.id WHERE a.id = ?`,
      [eventId, applicationId],
    );
    if (!row) return null;
    return {
      application: hydrateRow(dataSource, ApplicationEntity, row),
      companyName: row['company_name'] as string | null,
      event:
        row['event__id'] === null || row['event__id'] === undefined
          ? null
          : hydrateRow(dataSource, ApplicationEventEntity, row, 'event__'),
    };
  },

  /** The case with its company's name and its call's title (the detail's first read). */
  async withNames(
    em: EntityManager,
    id: string,
  ): Promise<{ application: ApplicationEntity; names: NameColumns } | null> {
    const [row]: (Record<string, unknown> & NameColumns)[] = await em.query(
      `SELECT a.*, ${NAME_COLUMNS} FROM applications a ${NAME_JOINS} WHERE a.id = ?`,
      [id],
    );
    return row
      ? {
          application: hydrateRow(em.connection, ApplicationEntity, row),
          names: {
            company_name: row.company_name ?? null,
            call_title: row.call_title ?? null,
          },
        }
      : null;
  },

  /** A keyset page of case summaries (see summaryPage). */
  summaryPage,

  /** How many cases a summary page's condition matches. */
  summaryCount,

  /** The case by id, as stored. */
  async byId(em: EntityManager, id: string): Promise<ApplicationEntity | null> {
    const [row]: Record<string, unknown>[] = await em.query(
      'SELECT * FROM applications WHERE id = ?',
      [id],
    );
    return row ? hydrateRow(em.connection, ApplicationEntity, row) : null;
  },

  /** Moves the version on if it is still the one the caller saw; false if it is not (or no case). */
  async claimVersion(
    em: EntityManager,
    id: string,
    version: number,
  ): Promise<boolean> {
    const changed = await execute(
      em,
      'UPDATE applications SET version = version + 1 WHERE id = ? AND version = ?',
      [id, version],
    );
    return changed === 1;
  },

  /** The case, its call and the calendar's revision, in one statement; `lock`: case and call. */
  async withCall(
    em: EntityManager,
    id: string,
    lock: boolean,
  ): Promise<CaseWithCall | null> {
    const dataSource = em.connection;
    // A locking read carries no subquery: MariaDB runs that before it waits for the locks, and a
    // plain read there would fix the transaction's snapshot before what it waits for commits.
    // Without the revision the overrides are read afresh (after the lock).
    const revision = lock
      ? 'NULL'
      : '(SELECT revision FROM calendar_revision WHERE id = 1)';
    const [row]: Record<string, unknown>[] = await em.query(
      `SELECT a.*, ${columnsAs(dataSource, CallEntity, 'c', 'call__')}, ${revision} AS calendar__revision FROM applications a JOIN calls c ON c.id = a.call_id WHERE a.id = ?${lock ? lockingClause(em) : ''}`,
      [id],
    );
    if (!row) return null;
    const calendarRevision = row['calendar__revision'];
    return {
      application: hydrateRow(dataSource, ApplicationEntity, row),
      call: hydrateRow(dataSource, CallEntity, row, 'call__'),
      calendarRevision:
        calendarRevision === null ? null : Number(calendarRevision),
    };
  },
};

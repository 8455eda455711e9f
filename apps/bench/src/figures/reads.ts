import { encodeCursor, rawTimestamp } from '@portal/api-core';
import { DEMO_PASSWORD } from '@portal/api-db';
import { ApiRoutes } from '@portal/contracts';
import type { FigureGroup } from '../context';
import { load, rate } from '../load';
import { statementsPerRequest } from '../measures';
import { figure, type Figure } from '../report';
import { sessionHeaders } from '../session';

export const REVIEWER = 'reviewer.jiashan@example.com';
export const COUNTY = '330421';
const PAGE = 20;
const DEEP_PAGE = 5000;

/** C1, P1 and P2: the raw inbox query, the reviewer's inbox (page 1 and deep), an application's detail. */
export const reads: FigureGroup = {
  ids: ['C1', 'P1', 'P1-p99', 'P1-deep', 'P1-sql', 'P2', 'P2-p99', 'P2-sql'],
  async measure({ base, pool, seconds }) {
    const figures: Figure[] = [];
    // P1: the county reviewer's to-do inbox (the cases at 嘉善县's desk), first page and 5,000
    // pages deep by keyset.
    const reviewer = await sessionHeaders(base, REVIEWER, DEMO_PASSWORD);
    const scope = "holder = 'county' AND county_code = ?";
    const inbox = `${base}${ApiRoutes.inbox}?view=todo&limit=${PAGE}`;
    const [[countRow]] = (await pool.query(
      `SELECT COUNT(*) AS n FROM applications WHERE ${scope}`,
      [COUNTY],
    )) as unknown as [{ n: number }[]];
    const rows = Number(countRow?.n ?? 0);
    const deepPage = Math.max(
      1,
      Math.min(DEEP_PAGE, Math.floor(rows / PAGE) - 1),
    );
    const [[anchor]] = (await pool.query(
      `SELECT state_entered_at AS at, id FROM applications WHERE ${scope} ORDER BY state_entered_at DESC, id DESC LIMIT 1 OFFSET ?`,
      [COUNTY, deepPage * PAGE - 1],
    )) as unknown as [{ at: string | Date; id: string }[]];
    const rawInbox = () =>
      pool.query(
        `SELECT * FROM applications WHERE ${scope} ORDER BY state_entered_at DESC, id DESC LIMIT ${PAGE + 1}`,
        [COUNTY],
      );
    const rawCeiling = await rate(32, seconds, rawInbox);
    const first = await load(inbox, {
      connections: 32,
      seconds,
      headers: reviewer,
    });
    const deep = anchor
      ? await load(
          `${inbox}&cursor=${encodeCursor(rawTimestamp(anchor.at), anchor.id)}`,
          { connections: 32, seconds, headers: reviewer },
        )
      : first;
    const inboxSql = await statementsPerRequest(pool, inbox, reviewer);
    figures.push(
      figure({
        id: 'C1',
        name: 'raw inbox keyset query (mysql2, 32 at once)',
        value: rawCeiling,
        unit: 'queries/s',
        ceiling: 0,
        goal: 'ceiling',
        met: true,
      }),
      figure({
        id: 'P1',
        name: `reviewer inbox page 1 (${rows} cases in scope), 32 connections`,
        value: first.requestsPerSecond,
        unit: 'req/s',
        ceiling: rawCeiling,
        goal: '>= 2000 req/s, p99 <= 50 ms',
        met:
          first.errors === 0 &&
          first.requestsPerSecond >= 2000 &&
          first.p99Ms <= 50,
      }),
      figure({
        id: 'P1-p99',
        name: 'reviewer inbox page 1, p99 latency',
        value: first.p99Ms,
        unit: 'ms',
        ceiling: 0,
        goal: '<= 50 ms',
        met: first.p99Ms <= 50,
      }),
      figure({
        id: 'P1-deep',
        name: `reviewer inbox page ${deepPage + 1} by keyset`,
        value: deep.requestsPerSecond,
        unit: 'req/s',
        ceiling: first.requestsPerSecond,
        goal: 'page 1 / this <= 1.5',
        met:
          deep.errors === 0 &&
          first.requestsPerSecond / Math.max(1, deep.requestsPerSecond) <= 1.5,
      }),
      figure({
        id: 'P1-sql',
        name: 'SQL statements per inbox request',
        value: inboxSql,
        unit: 'statements',
        ceiling: 0,
        goal: 'informational',
        met: true,
      }),
    );

    // P2: an application's detail with its timeline.
    const [[sample]] = (await pool.query(
      `SELECT id FROM applications WHERE ${scope} LIMIT 1`,
      [COUNTY],
    )) as unknown as [{ id: string }[]];
    const detail = `${base}${ApiRoutes.application(sample?.id ?? '')}`;
    const p2 = await load(detail, {
      connections: 32,
      seconds,
      headers: reviewer,
    });
    const detailSql = await statementsPerRequest(pool, detail, reviewer);
    figures.push(
      figure({
        id: 'P2',
        name: 'application detail with timeline, 32 connections',
        value: p2.requestsPerSecond,
        unit: 'req/s',
        ceiling: rawCeiling,
        goal: '>= 2000 req/s, p99 <= 50 ms',
        met: p2.errors === 0 && p2.requestsPerSecond >= 2000 && p2.p99Ms <= 50,
      }),
      figure({
        id: 'P2-p99',
        name: 'application detail, p99 latency',
        value: p2.p99Ms,
        unit: 'ms',
        ceiling: 0,
        goal: '<= 50 ms',
        met: p2.p99Ms <= 50,
      }),
      figure({
        id: 'P2-sql',
        name: 'SQL statements per detail request',
        value: detailSql,
        unit: 'statements',
        ceiling: 0,
        goal: '<= 5',
        met: detailSql <= 5,
      }),
    );
    return figures;
  },
};

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '@portal/api-access';
import { decodeCursor, encodeCursor, rawTimestamp } from '@portal/api-core';
import { ApplicationEntity, ApplicationEventEntity } from '@portal/api-db';
import type { ApplicationSummary, InboxQuery, Page } from '@portal/contracts';
import { partyOf, regionLevel } from '@portal/domain';
import { Brackets, DataSource, type SelectQueryBuilder } from 'typeorm';
import {
  summarySelection,
  summaryView,
} from '../applications/application-views';
import { withNames, type NameColumns } from '../applications/lookups';

const DEFAULT_PAGE = 20;

/** The column of the company's region code at a reviewer's level. */
const LEVEL_COLUMN = {
  province: 'province_code',
  city: 'city_code',
  county: 'county_code',
} as const;

/**
 * What waits for the reader (todo) and what they acted on (done). Each scope is an equality
 * on (holder, region or organisation) with `state_entered_at, id` next in the index, so a page
 * is an index range read whatever the table's size.
 */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(
    actor: Actor,
    query: InboxQuery,
  ): Promise<Page<ApplicationSummary>> {
    const limit = query.limit ?? DEFAULT_PAGE;
    const qb = withNames(
      this.dataSource
        .getRepository(ApplicationEntity)
        .createQueryBuilder('a')
        .select(summarySelection('a')),
    );
    const sortColumn =
      query.view === 'done' ? 'e.created_at' : 'a.state_entered_at';
    const sortAlias =
      query.view === 'done' ? 'e_created_at' : 'a_state_entered_at';
    const tieColumn = query.view === 'done' ? 'e.id' : 'a.id';
    if (query.view === 'done') {
      qb.innerJoin(ApplicationEventEntity, 'e', 'e.application_id = a.id')
        .addSelect('e.created_at', 'e_created_at')
        .addSelect('e.id', 'e_id')
        .where('e.actor_user_id = :me', { me: actor.userId });
    } else if (!this.applyTodoScope(qb, actor)) {
      return { items: [], nextCursor: null };
    }
    this.applyFilters(qb, actor, query);
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor);
      qb.andWhere(
        `(${sortColumn} < :at OR (${sortColumn} = :at AND ${tieColumn} < :id))`,
        { at, id },
      );
    }
    const { entities, raw } = await qb
      .orderBy(sortColumn, 'DESC')
      .addOrderBy(tieColumn, 'DESC')
      .limit(limit + 1)
      .getRawAndEntities<Record<string, string | Date> & NameColumns>();
    const rows = raw.slice(0, limit);
    // `done` may list one application once per action; entities collapse them, raw rows do not.
    const byId = new Map(entities.map((a) => [a.id, a]));
    const items = rows.flatMap((r) => {
      const a = byId.get(String(r['a_id']));
      return a
        ? [summaryView(a, r.company_name ?? '', r.call_title ?? '', true)]
        : [];
    });
    const last = rows[rows.length - 1];
    return {
      items,
      nextCursor:
        raw.length > limit && last
          ? encodeCursor(
              rawTimestamp(last[sortAlias] as string | Date),
              String(last[query.view === 'done' ? 'e_id' : 'a_id']),
            )
          : null,
    };
  }

  /** One bracket per membership that holds cases: reviewers by level and region, banks and providers by organisation. */
  private applyTodoScope(
    qb: SelectQueryBuilder<ApplicationEntity>,
    actor: Actor,
  ): boolean {
    const scopes: { sql: string; params: Record<string, string> }[] = [];
    actor.memberships.forEach((m, i) => {
      const party = partyOf(m.role, m.level);
      if (
        (party === 'county' || party === 'city' || party === 'province') &&
        m.regionCode
      )
        scopes.push({
          sql: `a.holder = :p${i} AND a.${LEVEL_COLUMN[party]} = :r${i}`,
          params: { [`p${i}`]: party, [`r${i}`]: m.regionCode },
        });
      if (party === 'bank')
        scopes.push({
          sql: `a.holder = 'bank' AND a.bank_id = :o${i}`,
          params: { [`o${i}`]: m.organisationId },
        });
      if (party === 'provider')
        scopes.push({
          sql: `a.holder = 'provider' AND a.provider_id = :o${i}`,
          params: { [`o${i}`]: m.organisationId },
        });
      if (party === 'expert')
        scopes.push({
          sql: `a.holder = 'expert' AND a.id IN (SELECT x.application_id FROM expert_assignments x WHERE x.expert_user_id = :x${i} AND x.scored_at IS NULL)`,
          params: { [`x${i}`]: actor.userId },
        });
    });
    if (scopes.length === 0) return false;
    qb.where(
      new Brackets((b) => {
        for (const scope of scopes) b.orWhere(scope.sql, scope.params);
      }),
    );
    return true;
  }

  private applyFilters(
    qb: SelectQueryBuilder<ApplicationEntity>,
    actor: Actor,
    query: InboxQuery,
  ): void {
    if (query.type) qb.andWhere('a.type = :type', { type: query.type });
    if (query.state) qb.andWhere('a.state = :state', { state: query.state });
    if (query.callId)
      qb.andWhere('a.call_id = :callId', { callId: query.callId });
    if (query.overdue) qb.andWhere('a.due_at < :now', { now: new Date() });
    if (query.regionCode) {
      const level = regionLevel(query.regionCode);
      qb.andWhere(`a.${LEVEL_COLUMN[level]} = :narrow`, {
        narrow: query.regionCode,
      });
    }
    if (query.q) {
      const text = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((b) =>
          b
            .where('a.reference LIKE :text', { text })
            .orWhere(
              'a.organisation_id IN (SELECT o.id FROM organisations o WHERE o.name LIKE :text)',
              { text },
            ),
        ),
      );
    }
    // `done` lists only what the reader may still read: their region's cases or their company's.
    if (query.view === 'done') {
      const regions = actor.memberships
        .map((m) => m.regionCode)
        .filter((r): r is string => r !== null);
      if (regions.length === 0) qb.andWhere('1 = 0');
      else
        qb.andWhere(
          new Brackets((b) => {
            regions.forEach((code, i) => {
              const level = regionLevel(code);
              b.orWhere(`a.${LEVEL_COLUMN[level]} = :done${i}`, {
                [`done${i}`]: code,
              });
            });
            actor.memberships.forEach((m, i) =>
              b.orWhere(`a.bank_id = :bo${i} OR a.provider_id = :bo${i}`, {
                [`bo${i}`]: m.organisationId,
              }),
            );
          }),
        );
    }
  }
}

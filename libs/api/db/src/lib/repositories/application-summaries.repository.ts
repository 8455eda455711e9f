import { decodeCursor, encodeCursor, rawTimestamp } from '@portal/api-core';
import type { DataSource, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { ApplicationEntity } from '../entities/application.entity';
import { CallEntity } from '../entities/call.entity';
import { hydrateRow } from '../rows';
import {
  NAME_COLUMNS,
  NAME_JOINS,
  type NameColumns,
} from './application-names';

/** What a listed application shows: list queries select only these (no form or decision JSON per row). */
export const SUMMARY_COLUMNS = [
  'id',
  'reference',
  'type',
  'workflowVersion',
  'organisationId',
  'countyCode',
  'callId',
  'state',
  'holder',
  'version',
  'stateEnteredAt',
  'dueAt',
  'submittedAt',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof ApplicationEntity)[];

export type SummaryFields = Pick<
  ApplicationEntity,
  (typeof SUMMARY_COLUMNS)[number]
>;

/** One listed application: its summary columns, its company's name, its call's title and closing. */
export type SummaryRow = SummaryFields &
  NameColumns & { readonly call_closes_at: Date | null };

export interface SummaryPage {
  readonly rows: SummaryRow[];
  readonly nextCursor: string | null;
}

export interface SummaryPageQuery {
  /** Joins after `applications a` (the names are joined here). */
  readonly join?: string;
  /** A condition on `a` (and the joins), with :named parameters. */
  readonly where: string;
  readonly params: ObjectLiteral;
  /** The keyset: a timestamp column and a unique tie-breaker, newest first unless `oldestFirst`. */
  readonly sortColumn: string;
  readonly tieColumn: string;
  readonly oldestFirst?: boolean;
  readonly cursor?: string;
  readonly limit: number;
}

/**
 * A keyset page of application summaries in one statement written out once per shape: lists
 * are the hottest reads, and building them with the query builder and hydrating entities cost
 * more CPU than the database spent on them.
 */
export async function summaryPage(
  dataSource: DataSource,
  query: SummaryPageQuery,
): Promise<SummaryPage> {
  const params: ObjectLiteral = { ...query.params, pageSize: query.limit + 1 };
  let where = query.where;
  const [after, direction] = query.oldestFirst ? ['>', 'ASC'] : ['<', 'DESC'];
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor);
    where = `(${where}) AND (${query.sortColumn} ${after} :cursorAt OR (${query.sortColumn} = :cursorAt AND ${query.tieColumn} ${after} :cursorId))`;
    Object.assign(params, { cursorAt: at, cursorId: id });
  }
  const text = `SELECT ${summarySelectList(dataSource)}, ${query.sortColumn} AS sort_at, ${query.tieColumn} AS sort_id
    FROM applications a ${query.join ?? ''}
    ${NAME_JOINS}
    WHERE ${where}
    ORDER BY ${query.sortColumn} ${direction}, ${query.tieColumn} ${direction}
    LIMIT :pageSize`;
  const [sql, values] = dataSource.driver.escapeQueryWithParameters(
    text,
    params,
  );
  const raw: RawSummaryRow[] = await dataSource.query(sql, values);
  const rows = raw.slice(0, query.limit);
  const last = rows[rows.length - 1];
  return {
    rows: rows.map((r) =>
      Object.assign(hydrateRow(dataSource, ApplicationEntity, r), {
        company_name: r.company_name,
        call_title: r.call_title,
        call_closes_at:
          r['call_closes_at'] === null || r['call_closes_at'] === undefined
            ? null
            : (dataSource.driver.prepareHydratedValue(
                r['call_closes_at'],
                closesAtColumn(dataSource),
              ) as Date),
      }),
    ),
    nextCursor:
      raw.length > query.limit && last
        ? encodeCursor(rawTimestamp(last.sort_at), String(last.sort_id))
        : null,
  };
}

/** How many rows a summary page's condition matches (the same joins and condition, no keyset). */
export async function summaryCount(
  dataSource: DataSource,
  query: Pick<SummaryPageQuery, 'join' | 'where' | 'params'>,
): Promise<number> {
  const [sql, values] = dataSource.driver.escapeQueryWithParameters(
    `SELECT COUNT(*) AS n FROM applications a ${query.join ?? ''} WHERE ${query.where}`,
    query.params,
  );
  const [row]: { n: number | string }[] = await dataSource.query(sql, values);
  return Number(row?.n ?? 0);
}

const closesAtColumns = new WeakMap<DataSource, ColumnMetadata>();

/** The calls' closing column, to read `call_closes_at` as TypeORM reads the column. */
function closesAtColumn(dataSource: DataSource): ColumnMetadata {
  let column = closesAtColumns.get(dataSource);
  if (!column) {
    column = dataSource
      .getMetadata(CallEntity)
      .findColumnWithPropertyName('closesAt');
    if (!column) throw new Error('calls has no closesAt');
    closesAtColumns.set(dataSource, column);
  }
  return column;
}

type RawSummaryRow = Record<string, unknown> &
  NameColumns & {
    sort_at: string | Date;
    sort_id: string | number;
  };

const selectLists = new WeakMap<DataSource, string>();

/** The summary's columns of `a`, then the names. */
function summarySelectList(dataSource: DataSource): string {
  let list = selectLists.get(dataSource);
  if (!list) {
    const metadata = dataSource.getMetadata(ApplicationEntity);
    list = [
      ...SUMMARY_COLUMNS.map((property) => {
        const column = metadata.findColumnWithPropertyName(property);
        if (!column) throw new Error(`applications has no ${property}`);
        return `a.${column.databaseName}`;
      }),
      NAME_COLUMNS,
    ].join(', ');
    selectLists.set(dataSource, list);
  }
  return list;
}

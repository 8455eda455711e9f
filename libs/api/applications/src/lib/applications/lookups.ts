import { CallEntity, OrganisationEntity } from '@portal/api-db';
import {
  In,
  type DataSource,
  type ObjectLiteral,
  type SelectQueryBuilder,
} from 'typeorm';

/** The columns `withNames` adds to each raw row. */
export interface NameColumns {
  readonly company_name: string | null;
  readonly call_title: string | null;
}

/**
 * The company's name and the call's title beside each application (alias `a`) in the same
 * statement: primary-key lookups per returned row, no second round trip.
 */
export function withNames<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
): SelectQueryBuilder<T> {
  return qb
    .leftJoin(
      OrganisationEntity,
      'named_org',
      'named_org.id = a.organisation_id',
    )
    .leftJoin(CallEntity, 'named_call', 'named_call.id = a.call_id')
    .addSelect('named_org.name', 'company_name')
    .addSelect('named_call.title', 'call_title');
}

/** Names for a page of rows in one query (no N+1), where they cannot be joined. */
export async function companyNames(
  dataSource: DataSource,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const rows = unique.length
    ? await dataSource.getRepository(OrganisationEntity).find({
        where: { id: In(unique) },
        select: { id: true, name: true },
      })
    : [];
  return new Map(rows.map((o) => [o.id, o.name]));
}

import { In, type DataSource } from 'typeorm';
import { OrganisationEntity } from '../entities/organisation.entity';

/** The columns `NAME_COLUMNS` adds to each raw row. */
export interface NameColumns {
  readonly company_name: string | null;
  readonly call_title: string | null;
}

/**
 * The company's name and the call's title beside each application (alias `a`) in the same
 * statement: primary-key lookups per returned row, no second round trip.
 */
export const NAME_COLUMNS =
  'named_org.name AS company_name, named_call.title AS call_title, named_call.closes_at AS call_closes_at';
export const NAME_JOINS = `LEFT JOIN organisations named_org ON named_org.id = a.organisation_id
  LEFT JOIN calls named_call ON named_call.id = a.call_id`;

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

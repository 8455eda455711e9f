import { CallEntity, OrganisationEntity } from '@portal/api-db';
import { In, type DataSource } from 'typeorm';

/** Names for a page of rows in one query each (no N+1). */
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

export async function callTitles(
  dataSource: DataSource,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const rows = unique.length
    ? await dataSource.getRepository(CallEntity).find({
        where: { id: In(unique) },
        select: { id: true, title: true },
      })
    : [];
  return new Map(rows.map((c) => [c.id, c.title]));
}

import type { Actor } from '@portal/api-access';
import type { OrganisationEntity } from '@portal/api-db';
import { grantsFor, regionContains, type Permission } from '@portal/domain';
import { Brackets, type SelectQueryBuilder } from 'typeorm';

/** The organisation column that holds a region code of the given level. */
const LEVEL_COLUMN = {
  province: 'province_code',
  city: 'city_code',
  county: 'county_code',
} as const;

/**
 * Restricts a query on organisations (alias `o`) to the regions in which the actor holds
 * `permission`: an equality on the indexed province/city/county column for each grant.
 */
export function applyRegionScope(
  query: SelectQueryBuilder<OrganisationEntity>,
  actor: Actor,
  permission: Permission,
): SelectQueryBuilder<OrganisationEntity> {
  const grants = grantsFor(actor.memberships, permission).filter(
    (g) => g.level && g.regionCode,
  );
  if (grants.length === 0) return query.andWhere('1 = 0');
  return query.andWhere(
    new Brackets((qb) => {
      grants.forEach((grant, i) => {
        const column = LEVEL_COLUMN[grant.level as keyof typeof LEVEL_COLUMN];
        qb.orWhere(`o.${column} = :scope${i}`, {
          [`scope${i}`]: grant.regionCode,
        });
      });
    }),
  );
}

/** Whether the actor holds `permission` for a company in `regionCode`. */
export function holdsInRegion(
  actor: Actor,
  permission: Permission,
  regionCode: string,
): boolean {
  return grantsFor(actor.memberships, permission).some(
    (g) =>
      g.regionCode !== null &&
      g.level !== null &&
      regionContains(g.regionCode, regionCode),
  );
}

/** Whether the actor is a member of this company. */
export function isMemberOf(actor: Actor, organisationId: string): boolean {
  return actor.memberships.some((m) => m.organisationId === organisationId);
}

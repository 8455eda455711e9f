import type { Actor } from '@portal/api-access';
import { ExpertAssignmentEntity, type ApplicationEntity } from '@portal/api-db';
import type { MembershipView } from '@portal/contracts';
import { partyOf, regionContains, type Party } from '@portal/domain';
import type { EntityManager } from 'typeorm';

/** What the reading/acting membership needs beyond the membership itself. */
export interface AccessFacts {
  /** Whether the actor is an expert drawn for this application. */
  readonly assignedExpert: boolean;
}

/**
 * The membership through which `actor` acts as `party` on this application: the company's own
 * members, reviewers whose region contains the company, the chosen bank, the contracted
 * provider, a drawn expert. None: the actor is not that party here.
 */
export function membershipAs(
  actor: Actor,
  application: ApplicationEntity,
  party: Party,
  facts: AccessFacts,
): MembershipView | null {
  return (
    actor.memberships.find((m) => {
      if (partyOf(m.role, m.level) !== party) return false;
      switch (party) {
        case 'enterprise':
          return m.organisationId === application.organisationId;
        case 'county':
        case 'city':
        case 'province':
          return (
            m.regionCode !== null &&
            regionContains(m.regionCode, application.countyCode)
          );
        case 'bank':
          return m.organisationId === application.bankId;
        case 'provider':
          return m.organisationId === application.providerId;
        case 'expert':
          return facts.assignedExpert;
        case 'system':
          return false;
      }
    }) ?? null
  );
}

/** The parties the actor is on this application (empty: a stranger to it). */
export function partiesOn(
  actor: Actor,
  application: ApplicationEntity,
  facts: AccessFacts,
): Party[] {
  const parties: Party[] = [
    'enterprise',
    'county',
    'city',
    'province',
    'expert',
    'bank',
    'provider',
  ];
  return parties.filter(
    (party) => membershipAs(actor, application, party, facts) !== null,
  );
}

/**
 * Whether the actor may read the application: a party to it, or a bureau admin or an auditor
 * whose region contains the company. Everyone else gets the same 404 as for a missing one.
 */
export function mayRead(
  actor: Actor,
  application: ApplicationEntity,
  facts: AccessFacts,
): boolean {
  if (partiesOn(actor, application, facts).length > 0) return true;
  return (
    overseerOf(actor, application, 'bureau_admin') !== null ||
    overseerOf(actor, application, 'auditor') !== null
  );
}

/**
 * The membership through which a bureau admin or an auditor oversees the application: the role,
 * with a region that contains the company. Overseers read; they are no party and act on nothing.
 */
export function overseerOf(
  actor: Actor,
  application: ApplicationEntity,
  role: 'bureau_admin' | 'auditor',
): MembershipView | null {
  return (
    actor.memberships.find(
      (m) =>
        m.role === role &&
        m.regionCode !== null &&
        regionContains(m.regionCode, application.countyCode),
    ) ?? null
  );
}

/** Bureau staff see internal stage names and who acted; enterprises see public wording. */
export function readsAsStaff(
  actor: Actor,
  application: ApplicationEntity,
  facts: AccessFacts,
): boolean {
  const parties = partiesOn(actor, application, facts);
  return (
    parties.some((p) => p !== 'enterprise') || !parties.includes('enterprise')
  );
}

/** Looks up what access needs beyond the actor's memberships. */
export async function accessFactsFor(
  em: EntityManager,
  actor: Actor,
  application: ApplicationEntity,
): Promise<AccessFacts> {
  const assignedExpert =
    actor.memberships.some((m) => m.role === 'expert') &&
    (await em.count(ExpertAssignmentEntity, {
      where: { applicationId: application.id, expertUserId: actor.userId },
    })) > 0;
  return { assignedExpert };
}

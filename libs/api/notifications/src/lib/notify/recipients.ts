import type { ApplicationEntity } from '@portal/api-db';
import type { Language } from '@portal/contracts';
import type { Party, Role } from '@portal/domain';
import type { EntityManager } from 'typeorm';

/** Someone a message goes to, and why. */
export interface Recipient {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly language: Language;
  /** Enterprises read public wording; everyone else reads the bureau's stage names. */
  readonly audience: 'applicant' | 'staff';
  /** Reached as the enterprise on a notice it must get. */
  readonly mandatory: boolean;
  /** Enterprise members hear only when they opted in. */
  readonly optInOnly: boolean;
  readonly party: Party | 'objector';
}

interface Row {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly language: Language;
  readonly role: Role | null;
}

const ROLE_OF_PARTY: Partial<Record<Party, Role>> = {
  county: 'reviewer',
  city: 'reviewer',
  province: 'reviewer',
  bank: 'bank_officer',
  provider: 'service_provider',
};

const USERS = `SELECT u.id AS id, u.name AS name, u.email AS email, u.language AS language`;
const ACTIVE = 'u.disabled_at IS NULL';

/** Written out once (a notify job runs these for every transition). */
const USERS_OF = {
  enterprise: `${USERS}, m.role AS role FROM users u JOIN memberships m ON m.user_id = u.id WHERE ${ACTIVE} AND m.organisation_id = ? AND m.role IN ('enterprise_admin', 'enterprise_member')`,
  bureau: `${USERS}, m.role AS role FROM users u JOIN memberships m ON m.user_id = u.id JOIN organisations o ON o.id = m.organisation_id WHERE ${ACTIVE} AND m.role = 'reviewer' AND o.kind = 'bureau' AND o.level = ? AND o.region_code = ?`,
  partner: `${USERS}, m.role AS role FROM users u JOIN memberships m ON m.user_id = u.id WHERE ${ACTIVE} AND m.organisation_id = ? AND m.role = ?`,
  expert: `${USERS}, NULL AS role FROM users u JOIN expert_assignments a ON a.expert_user_id = u.id WHERE ${ACTIVE} AND a.application_id = ?`,
  objector: `${USERS}, NULL AS role FROM users u JOIN objections ob ON ob.user_id = u.id WHERE ${ACTIVE} AND ob.application_id = ?`,
};

/**
 * The people behind a party on one application: the company's admins and members, the
 * reviewers of the bureau of that level whose region is the company's, the drawn experts, the
 * chosen bank's officers, the contracted provider's staff; objectors by their objections.
 */
export async function usersOf(
  em: EntityManager,
  application: ApplicationEntity,
  party: Party | 'objector',
): Promise<Row[]> {
  switch (party) {
    case 'enterprise':
      return em.query(USERS_OF.enterprise, [application.organisationId]);
    case 'county':
    case 'city':
    case 'province': {
      const region = {
        county: application.countyCode,
        city: application.cityCode,
        province: application.provinceCode,
      }[party];
      return em.query(USERS_OF.bureau, [party, region]);
    }
    case 'bank':
    case 'provider': {
      const org =
        party === 'bank' ? application.bankId : application.providerId;
      if (!org) return [];
      return em.query(USERS_OF.partner, [org, ROLE_OF_PARTY[party]]);
    }
    case 'expert':
      return em.query(USERS_OF.expert, [application.id]);
    case 'objector':
      return em.query(USERS_OF.objector, [application.id]);
    case 'system':
      return [];
  }
}

/**
 * Everyone the parties reach, once each. Someone reached twice keeps the strongest claim:
 * mandatory wins, and staff wording wins (a reviewer who is also a member reads it as staff).
 */
export async function resolveRecipients(
  em: EntityManager,
  application: ApplicationEntity,
  parties: readonly (Party | 'objector')[],
  applicantMandatory: boolean,
): Promise<Recipient[]> {
  const byUser = new Map<string, Recipient>();
  for (const party of new Set(parties)) {
    for (const row of await usersOf(em, application, party)) {
      const applicant = party === 'enterprise';
      const next: Recipient = {
        userId: row.id,
        name: row.name,
        email: row.email,
        language: row.language,
        audience: applicant ? 'applicant' : 'staff',
        mandatory: applicant && applicantMandatory,
        optInOnly: applicant && row.role === 'enterprise_member',
        party,
      };
      const seen = byUser.get(row.id);
      byUser.set(
        row.id,
        seen
          ? {
              ...seen,
              audience: seen.audience === 'staff' ? 'staff' : next.audience,
              mandatory: seen.mandatory || next.mandatory,
              optInOnly: seen.optInOnly && next.optInOnly,
            }
          : next,
      );
    }
  }
  return [...byUser.values()];
}

import {
  ExpertAssignmentsRepository,
  MembershipsRepository,
  ObjectionsRepository,
  type ApplicationEntity,
  type RecipientUser,
} from '@portal/api-db';
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

const ROLE_OF_PARTY: Record<'bank' | 'provider', Role> = {
  bank: 'bank_officer',
  provider: 'service_provider',
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
): Promise<RecipientUser[]> {
  switch (party) {
    case 'enterprise':
      return MembershipsRepository.companyUsers(em, application.organisationId);
    case 'county':
    case 'city':
    case 'province': {
      const region = {
        county: application.countyCode,
        city: application.cityCode,
        province: application.provinceCode,
      }[party];
      return MembershipsRepository.bureauReviewers(em, party, region);
    }
    case 'bank':
    case 'provider': {
      const org =
        party === 'bank' ? application.bankId : application.providerId;
      if (!org) return [];
      return MembershipsRepository.holdersOf(em, org, ROLE_OF_PARTY[party]);
    }
    case 'expert':
      return ExpertAssignmentsRepository.assignedUsers(em, application.id);
    case 'objector':
      return ObjectionsRepository.objectors(em, application.id);
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

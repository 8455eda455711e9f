/** Staff administration: the people a bureau admin invites, deactivates and resets. */

export type StaffRole =
  | 'reviewer'
  | 'expert'
  | 'bank_officer'
  | 'service_provider'
  | 'bureau_admin';

export interface StaffMembershipView {
  readonly role: StaffRole;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly regionCode: string;
  /** A bureau's level; null for banks and providers. */
  readonly level: 'province' | 'city' | 'county' | null;
}

/** What the expert pool holds of an expert. */
export interface StaffExpertView {
  readonly discipline: 'technical' | 'finance';
  readonly employerId: string | null;
  readonly employerName: string | null;
  readonly conflicts: readonly { id: string; name: string }[];
  readonly active: boolean;
}

export interface StaffMemberView {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly active: boolean;
  readonly secondFactorEnabled: boolean;
  readonly memberships: readonly StaffMembershipView[];
  readonly expert: StaffExpertView | null;
}

/** Invite someone into a staff role: the fields that apply depend on the role. */
export interface InviteStaffRequest {
  readonly email: string;
  readonly role: StaffRole;
  /** Reviewer and bureau admin: the bureau's region (its jurisdiction). */
  readonly regionCode?: string;
  /** Bank officer and service provider: the bank or provider. */
  readonly organisationId?: string;
  /** Expert: the discipline, employer and declared conflicts. */
  readonly discipline?: 'technical' | 'finance';
  readonly employerId?: string;
  readonly conflictIds?: readonly string[];
}

export interface StaffInvitationCreated {
  readonly id: string;
  readonly email: string;
  readonly role: StaffRole;
  readonly organisationName: string;
  readonly expiresAt: string;
}

export interface ResetSecondFactorRequest {
  readonly reason: string;
}

export interface DeactivateStaffRequest {
  readonly reason?: string;
}

/** An organisation an invitation may name (a bank, a provider, an expert's employer or conflict). */
export interface StaffOrganisationView {
  readonly id: string;
  readonly name: string;
  readonly kind: 'bank' | 'provider' | 'enterprise';
  readonly regionCode: string;
}

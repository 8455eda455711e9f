import type { CompanyYearFigures, HighTechField, Role } from '@portal/domain';

export const VERIFICATION_STATUSES = [
  'pending',
  'verified',
  'rejected',
] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

export interface CompanyView {
  readonly id: string;
  readonly name: string;
  readonly creditCode: string;
  readonly regionCode: string;
  readonly regionName: string;
  /** The founding date on the business licence (YYYY-MM-DD), if the company gave it. */
  readonly foundedOn: string | null;
  readonly contactName: string;
  /** Masked unless the reader is the company itself or a reviewer of its region. */
  readonly contactPhone: string;
  readonly contactEmail: string;
  readonly verificationStatus: VerificationStatus;
  readonly verificationComment: string | null;
  readonly verifiedAt: string | null;
  readonly createdAt: string;
}

/**
 * The company's contact, which its administrator keeps up to date online. Name, credit code and
 * region are not here: they change only through the county's re-verification.
 */
export interface UpdateCompanyContactRequest {
  readonly contactName: string;
  /** Mainland mobile number, 11 digits. */
  readonly contactPhone: string;
  readonly contactEmail: string;
}

export interface VerificationDecisionRequest {
  readonly comment?: string;
}

export interface MemberView {
  readonly userId: string;
  readonly name: string;
  readonly email: string;
  readonly role: Role;
  readonly joinedAt: string;
}

/** PUT /api/companies/mine/members/:userId/role. */
export interface ChangeMemberRoleRequest {
  readonly role: Extract<Role, 'enterprise_admin' | 'enterprise_member'>;
}

export interface InviteMemberRequest {
  readonly email: string;
  readonly role: Extract<Role, 'enterprise_admin' | 'enterprise_member'>;
}

export interface InvitationCreated {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly expiresAt: string;
}

/** A keyset page: pass `nextCursor` back as `cursor` for the next one; null at the end. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface CompanyListQuery {
  readonly status?: VerificationStatus;
  readonly cursor?: string;
  readonly limit?: number;
}

/** One fiscal year of the company's figures, as kept on the company. */
export interface CompanyYearFiguresView extends CompanyYearFigures {
  readonly updatedAt: string;
}

/** The year's figures as entered (money in whole yuan). */
export type CompanyYearFiguresInput = Omit<CompanyYearFigures, 'year'>;

export interface HighTechSelfCheckRequest {
  /** ISO date of the business registration (营业执照成立日期). */
  readonly registeredOn: string;
  readonly field: HighTechField | null;
  readonly majorIncidentLastYear: boolean;
  /** ISO date; defaults to today. The three fiscal years before its year are used. */
  readonly applicationDate?: string;
}

/** The company's business licence as uploaded for its verification (the file itself is its own route). */
export interface CompanyLicenceView {
  readonly fileName: string;
  readonly kind: 'pdf' | 'jpeg' | 'png';
  readonly sizeBytes: number;
  readonly uploadedAt: string;
}

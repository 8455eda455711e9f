import type {
  MembershipGrant,
  OrganisationKind,
  Permission,
  RegionLevel,
  Role,
} from '@portal/domain';

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];

export interface RegisterRequest {
  readonly companyName: string;
  readonly creditCode: string;
  readonly regionCode: string;
  readonly contactName: string;
  readonly email: string;
  readonly phone: string;
  readonly password: string;
  /** The founding date on the business licence (YYYY-MM-DD), optional; never after today. */
  readonly foundedOn?: string;
  readonly language?: Language;
}

export interface LoginRequest {
  readonly email: string;
  readonly password: string;
}

export interface SecondFactorRequest {
  readonly code: string;
}

export interface MembershipView extends MembershipGrant {
  readonly organisationName: string;
  readonly organisationKind: OrganisationKind;
}

export interface Me {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly language: Language;
  readonly secondFactorEnabled: boolean;
  readonly memberships: readonly MembershipView[];
  readonly permissions: readonly Permission[];
}

/**
 * The answer to a login. `second_factor_required`: send the TOTP code next.
 * `second_factor_enrolment_required`: the account must enrol a second factor before anything else.
 */
export type LoginResponse =
  | { readonly status: 'authenticated'; readonly me: Me }
  | { readonly status: 'second_factor_required' }
  | { readonly status: 'second_factor_enrolment_required'; readonly me: Me };

/**
 * Starting an enrolment while a second factor is active needs the code it shows now, or
 * else the password.
 */
export interface StartEnrolmentRequest {
  readonly currentCode?: string;
  readonly password?: string;
}

export interface SecondFactorEnrolment {
  readonly secret: string;
  readonly otpauthUrl: string;
  /** A PNG data URL of the otpauth QR code. */
  readonly qrCodeDataUrl: string;
}

/** Both answers of a registration, for a new address and for one that has an account. */
export interface RegisterResponse {
  readonly status: 'registered';
}

export interface ChangePasswordRequest {
  readonly currentPassword: string;
  readonly newPassword: string;
}

export interface PasswordResetRequest {
  readonly email: string;
}

/** The same for every address, whether an account uses it or not. */
export interface PasswordResetRequested {
  readonly status: 'requested';
}

export interface CompletePasswordResetRequest {
  /** From the link's fragment (#token=…): never in a URL the server sees. */
  readonly token: string;
  readonly password: string;
}

export interface InvitationView {
  readonly email: string;
  readonly companyName: string;
  readonly role: Role;
  readonly expiresAt: string;
}

export interface AcceptInvitationRequest {
  readonly token: string;
  readonly name: string;
  readonly password: string;
  readonly language?: Language;
}

export interface RegionView {
  readonly code: string;
  readonly name: string;
  readonly level: RegionLevel;
}

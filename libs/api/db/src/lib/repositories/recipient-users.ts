import type { Language } from '@portal/contracts';
import type { Role } from '@portal/domain';

/** A user a notice goes to; `role`: the membership that reached them (null for experts and objectors). */
export interface RecipientUser {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly language: Language;
  readonly role: Role | null;
}

/** The columns of a `RecipientUser` from users `u` (the role follows). */
export const USERS = `SELECT u.id AS id, u.name AS name, u.email AS email, u.language AS language`;
/** Disabled users hear nothing. */
export const ACTIVE = 'u.disabled_at IS NULL';

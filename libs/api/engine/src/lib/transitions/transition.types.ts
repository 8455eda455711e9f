import type { Actor } from '@portal/api-access';
import type { ApplicationEntity, CallEntity } from '@portal/api-db';
import type { SupplementItem } from '@portal/contracts';
import type {
  ApplicationDecision,
  MembershipGrant,
  Party,
  TransitionDefinition,
  WorkflowDefinition,
} from '@portal/domain';
import type { EntityManager } from 'typeorm';

/** Who fires a transition: a signed-in user, or a queue handler acting for the system. */
export type Initiator =
  | { readonly kind: 'user'; readonly actor: Actor }
  | { readonly kind: 'system' };

export const SYSTEM: Initiator = { kind: 'system' };

export interface TransitionRequest {
  readonly action: string;
  readonly version: number;
  readonly comment?: string;
  readonly items?: readonly SupplementItem[];
  readonly payload?: Readonly<Record<string, unknown>>;
}

/** What a guard may change besides the state: decisions it records, the bank or provider chosen. */
export interface ApplicationChanges {
  decision?: ApplicationDecision;
  bankId?: string;
  providerId?: string;
  /** Recorded in the event's payload (what the guard computed, e.g. a voucher amount). */
  recorded?: Record<string, unknown>;
}

export interface GuardContext {
  readonly em: EntityManager;
  readonly application: ApplicationEntity;
  readonly call: CallEntity;
  readonly definition: WorkflowDefinition;
  readonly transition: TransitionDefinition;
  readonly request: TransitionRequest;
  readonly party: Party;
  readonly membership: MembershipGrant | null;
  readonly now: Date;
}

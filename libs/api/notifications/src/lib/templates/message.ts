import type { Language, NotificationKind } from '@portal/contracts';

/** What every template says, before it is laid out as plain text and as HTML. */
export interface Message {
  readonly subject: string;
  readonly greeting: string;
  readonly paragraphs: readonly string[];
  /** Label → value lines (reference, company, status…). */
  readonly facts: readonly (readonly [string, string])[];
  /** An itemised list (what to supplement, the cases of a digest). */
  readonly list?: { readonly title: string; readonly items: readonly string[] };
  readonly action: { readonly label: string; readonly url: string };
  readonly footer: string;
}

/** One case as a template sees it: labels already in the recipient's language. */
export interface CaseFacts {
  readonly recipientName: string;
  readonly reference: string;
  readonly typeLabel: string;
  readonly companyName: string;
  /** The public status for the enterprise, the stage name for bureau staff. */
  readonly statusLabel: string;
  readonly actionLabel: string;
  readonly comment: string | null;
  /** What to supplement, each line already worded. */
  readonly items: readonly string[];
  /** The new holder's time: working days and the date it runs out (China time). */
  readonly deadline: { readonly days: number; readonly dueOn: string } | null;
  readonly url: string;
}

export interface DraftFacts extends CaseFacts {
  readonly callTitle: string;
  readonly closesOn: string;
  readonly workingDaysLeft: number;
}

export interface CommitmentFacts extends CaseFacts {
  readonly dueOn: string;
}

export interface RefilingFacts extends CaseFacts {
  readonly number: string;
  readonly validUntil: string;
  readonly refilingOpensOn: string;
}

/** The county's decision on a company's registration. */
export interface CompanyVerificationFacts {
  readonly recipientName: string;
  readonly companyName: string;
  readonly creditCode: string;
  readonly verified: boolean;
  readonly comment: string | null;
  readonly url: string;
}

export interface DigestFacts {
  readonly recipientName: string;
  readonly date: string;
  /** One worded line per status change folded in. */
  readonly lines: readonly string[];
  readonly more: number;
  readonly url: string;
}

export interface TemplateData {
  readonly status_change: CaseFacts;
  readonly stage_reminder: CaseFacts;
  readonly stage_escalation: CaseFacts;
  readonly commitment_overdue: CommitmentFacts;
  readonly refiling_reminder: RefilingFacts;
  readonly draft_reminder: DraftFacts;
  readonly company_verification: CompanyVerificationFacts;
  readonly digest: DigestFacts;
}

export type Template<K extends NotificationKind> = {
  readonly [L in Language]: (data: TemplateData[K]) => Message;
};

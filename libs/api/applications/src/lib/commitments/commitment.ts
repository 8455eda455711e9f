import type { ApplicationEntity } from '@portal/api-db';
import type { SupplementItem } from '@portal/contracts';

/** What an acceptance with missing items records: the items, the date, and when they came. */
export interface CommitmentRecord {
  readonly items: readonly SupplementItem[];
  readonly dueOn: string;
  readonly acceptedAt: string;
  readonly fulfilledAt: string | null;
}

export function openCommitment(
  application: ApplicationEntity,
): CommitmentRecord | null {
  const commitment = application.decision['commitment'] as
    | CommitmentRecord
    | undefined;
  return commitment && commitment.fulfilledAt === null ? commitment : null;
}

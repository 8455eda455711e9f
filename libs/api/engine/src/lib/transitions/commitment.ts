import type { ApplicationEntity } from '@portal/api-db';
import type { CommitmentRecord } from '@portal/domain';

export function openCommitment(
  application: ApplicationEntity,
): CommitmentRecord | null {
  const { commitment } = application.decision;
  return commitment && commitment.fulfilledAt === null ? commitment : null;
}

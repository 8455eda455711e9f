import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Actor } from '@portal/api-access';
import { ApplicationsService } from '@portal/api-applications';
import { toErrorBody } from '@portal/api-core';
import type {
  BatchActionOutcome,
  BatchActionRequest,
  BatchActionResult,
} from '@portal/contracts';

/**
 * One action with one comment on several cases, as a reviewer would take it case by case: each
 * case is its own transition (its own transaction, checks and notices), so one that fails (moved
 * on, not the reviewer's, missing a guard's data) is reported and the others still go through.
 */
@Injectable()
export class BatchActionsService {
  private readonly logger = new Logger(BatchActionsService.name);

  constructor(private readonly applications: ApplicationsService) {}

  async act(
    actor: Actor,
    request: BatchActionRequest,
    idempotencyKey: string | undefined,
  ): Promise<BatchActionResult> {
    const { cases, ...action } = request;
    const outcomes: BatchActionOutcome[] = [];
    // One after another: the cases share the reviewer's desk, and in parallel they would only
    // queue on the same locks while holding connections.
    for (const { applicationId, version } of cases) {
      try {
        const result = await this.applications.act(
          actor,
          applicationId,
          { ...action, version },
          idempotencyKey && caseKey(idempotencyKey, applicationId),
        );
        outcomes.push({ applicationId, ok: true, result });
      } catch (error) {
        const { correlationId, ...body } = toErrorBody(error, 'batch');
        if (body.statusCode >= 500)
          this.logger.error(
            { err: error, applicationId, correlationId },
            'A case of a batch action failed',
          );
        outcomes.push({ applicationId, ok: false, error: body });
      }
    }
    const succeeded = outcomes.filter((o) => o.ok).length;
    return { succeeded, failed: outcomes.length - succeeded, outcomes };
  }
}

/** The batch's key made one per case, within the keys' 100 characters. */
function caseKey(batchKey: string, applicationId: string): string {
  return `batch:${createHash('sha256').update(`${batchKey}\n${applicationId}`).digest('hex')}`;
}

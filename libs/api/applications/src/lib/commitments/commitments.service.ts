import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '@portal/api-access';
import {
  AppError,
  ForbiddenError,
  PortalClock,
  ValidationFailedError,
} from '@portal/api-core';
import { AttachmentEntity } from '@portal/api-db';
import type { ActionResult } from '@portal/contracts';
import { APPLICATION_FORMS } from '@portal/domain';
import { DataSource, MoreThan } from 'typeorm';
import {
  openCommitment,
  partiesOn,
  TransitionService,
} from '@portal/api-engine';
import { statusView } from '../applications/application-views';
import { ApplicationsService } from '../applications/applications.service';

export const FULFIL_COMMITMENT = 'fulfil_commitment';

/** The enterprise's side of an acceptance with missing items: it provides what it promised. */
@Injectable()
export class CommitmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly transitions: TransitionService,
    private readonly clock: PortalClock,
  ) {}

  /** Records that the promised items are in; every promised material must have been uploaded since. */
  async fulfil(
    actor: Actor,
    applicationId: string,
    version: number,
  ): Promise<ActionResult> {
    const { application, facts } = await this.applications.readable(
      actor,
      applicationId,
    );
    if (!partiesOn(actor, application, facts).includes('enterprise'))
      throw new ForbiddenError(
        'Only the applying company provides its promised items.',
      );
    const commitment = openCommitment(application);
    if (!commitment)
      throw new AppError(
        403,
        'TRANSITION_NOT_ALLOWED',
        'There is no open commitment on this application.',
      );
    const materialKeys = new Set(
      APPLICATION_FORMS[application.type].materials.map((m) => m.key),
    );
    const promised = commitment.items
      .map((i) => i.target)
      .filter((t) => materialKeys.has(t));
    const uploaded = await this.dataSource
      .getRepository(AttachmentEntity)
      .find({
        where: {
          applicationId,
          uploadedAt: MoreThan(new Date(commitment.acceptedAt)),
        },
        select: { materialKey: true },
      });
    const missing = promised.filter(
      (key) => !uploaded.some((a) => a.materialKey === key),
    );
    if (missing.length)
      throw new ValidationFailedError(
        missing.map((key) => ({
          field: `materials.${key}`,
          code: 'material.missing',
          message: `Upload "${key}" first`,
        })),
        'Upload every promised material before confirming.',
      );
    // Set against the promised date, so on the portal's clock.
    const fulfilledAt = this.clock.now().toISOString();
    await this.dataSource.transaction((em) =>
      this.transitions.annotate(
        em,
        { kind: 'user', actor },
        application,
        version,
        FULFIL_COMMITMENT,
        { ...application.decision, commitment: { ...commitment, fulfilledAt } },
        { items: commitment.items.map((i) => i.target) },
      ),
    );
    const saved = { ...application, version: version + 1 };
    return {
      applicationId,
      action: FULFIL_COMMITMENT,
      version: saved.version,
      status: statusView(saved, false),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationEntity, ApplicationEventEntity } from '@portal/api-db';
import type { ChainBreak, ChainVerification } from '@portal/contracts';
import { DataSource, MoreThan } from 'typeorm';
import { eventHash, GENESIS_HASH } from './event-hash';

const BATCH = 200;

/** The auditor's check: recomputes every event's hash and follows each application's chain. */
@Injectable()
export class EventChainService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** One application's chain, or (without an id) every application's, stopping at the first break. */
  async verify(applicationId?: string): Promise<ChainVerification> {
    const applications = this.dataSource.getRepository(ApplicationEntity);
    let checkedApplications = 0;
    let checkedEvents = 0;
    let after = '';
    for (;;) {
      const batch = applicationId
        ? await applications.find({ where: { id: applicationId } })
        : await applications.find({
            where: { id: MoreThan(after) },
            order: { id: 'ASC' },
            take: BATCH,
          });
      for (const application of batch) {
        const { events, firstBreak } = await this.verifyOne(application);
        checkedApplications++;
        checkedEvents += events;
        if (firstBreak)
          return {
            applications: checkedApplications,
            events: checkedEvents,
            intact: false,
            firstBreak,
          };
      }
      const last = batch[batch.length - 1];
      if (applicationId || batch.length < BATCH || !last) break;
      after = last.id;
    }
    return {
      applications: checkedApplications,
      events: checkedEvents,
      intact: true,
      firstBreak: null,
    };
  }

  private async verifyOne(
    application: ApplicationEntity,
  ): Promise<{ events: number; firstBreak: ChainBreak | null }> {
    const events = await this.dataSource
      .getRepository(ApplicationEventEntity)
      .find({
        where: { applicationId: application.id },
        order: { seq: 'ASC' },
      });
    let prev = GENESIS_HASH;
    const broken = (seq: number, reason: ChainBreak['reason']) => ({
      events: events.length,
      firstBreak: { applicationId: application.id, seq, reason },
    });
    for (const [index, event] of events.entries()) {
      if (event.seq !== index + 1) return broken(index + 1, 'gap');
      if (event.prevHash !== prev) return broken(event.seq, 'link_mismatch');
      if (eventHash(event) !== event.hash)
        return broken(event.seq, 'hash_mismatch');
      prev = event.hash;
    }
    // A deleted tail leaves an intact but shorter chain: the application row remembers its head.
    if (
      events.length !== application.eventCount ||
      prev !== application.chainHead
    )
      return broken(events.length, 'head_mismatch');
    return { events: events.length, firstBreak: null };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Actor } from '@portal/api-access';
import { AppConfig, ValidationFailedError } from '@portal/api-core';
import {
  NotificationPreferenceEntity,
  PreferencesRepository,
} from '@portal/api-db';
import type {
  NotificationCategory,
  NotificationPreferencesView,
  UpdateNotificationPreferencesRequest,
} from '@portal/contracts';
import { DIGEST_PARTIES, partyOf } from '@portal/domain';
import { DataSource } from 'typeorm';

/** What one user chose; categories without a row keep their default (e-mail on, no digest). */
export interface EmailChoices {
  readonly email: Readonly<Record<NotificationCategory, boolean>>;
  readonly dailyDigest: boolean;
  /** An enterprise member opted in to status e-mails (members hear nothing otherwise). */
  readonly explicitStatusChange: boolean;
}

const DEFAULTS: Record<NotificationCategory, boolean> = {
  status_change: true,
  reminder: true,
  digest: false,
};

@Injectable()
export class PreferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async choicesOf(
    userIds: readonly string[],
  ): Promise<Map<string, EmailChoices>> {
    const rows = await PreferencesRepository.ofUsers(
      this.dataSource.manager,
      userIds,
    );
    const result = new Map<string, EmailChoices>();
    for (const userId of userIds) {
      const own = rows.filter((r) => r.userId === userId);
      const value = (category: NotificationCategory) =>
        own.find((r) => r.category === category)?.email;
      result.set(userId, {
        email: {
          status_change: value('status_change') ?? DEFAULTS.status_change,
          reminder: value('reminder') ?? DEFAULTS.reminder,
          digest: value('digest') ?? DEFAULTS.digest,
        },
        dailyDigest: value('digest') ?? DEFAULTS.digest,
        explicitStatusChange: value('status_change') === true,
      });
    }
    return result;
  }

  async view(actor: Actor): Promise<NotificationPreferencesView> {
    const choices = (await this.choicesOf([actor.userId])).get(
      actor.userId,
    ) as EmailChoices;
    const digestAvailable = mayTakeDigest(actor);
    return {
      statusChangeEmail: choices.email.status_change,
      reminderEmail: choices.email.reminder,
      dailyDigest: digestAvailable && choices.dailyDigest,
      digestAvailable,
      digestTime: this.config.digestTime,
    };
  }

  async update(
    actor: Actor,
    request: UpdateNotificationPreferencesRequest,
  ): Promise<NotificationPreferencesView> {
    if (request.dailyDigest && !mayTakeDigest(actor))
      throw new ValidationFailedError([
        {
          field: 'dailyDigest',
          code: 'digest.not_available',
          message:
            'The daily digest is for reviewers, experts, banks and service providers',
        },
      ]);
    const changes: [NotificationCategory, boolean | undefined][] = [
      ['status_change', request.statusChangeEmail],
      ['reminder', request.reminderEmail],
      ['digest', request.dailyDigest],
    ];
    const rows = changes
      .filter((c): c is [NotificationCategory, boolean] => c[1] !== undefined)
      .map(([category, email]) => ({
        userId: actor.userId,
        category,
        email,
        updatedAt: new Date(),
      }));
    if (rows.length)
      await this.dataSource
        .getRepository(NotificationPreferenceEntity)
        .upsert(rows, ['userId', 'category']);
    return this.view(actor);
  }
}

export function mayTakeDigest(actor: Actor): boolean {
  return actor.memberships.some((m) => {
    const party = partyOf(m.role, m.level);
    return party !== null && DIGEST_PARTIES.includes(party);
  });
}

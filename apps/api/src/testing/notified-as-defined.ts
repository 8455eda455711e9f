import {
  ApplicationEntity,
  ApplicationEventEntity,
  DEMO_COMPANIES,
  DEMO_PARTNERS,
  DEMO_STAFF,
  demoCompanyEmail,
  ExpertAssignmentEntity,
  NotificationEntity,
  ObjectionEntity,
  OrganisationEntity,
  OutboxEntity,
  UserEntity,
} from '@portal/api-db';
import { waitFor, type TestSmtpServer } from '@portal/api-testing';
import { currentWorkflow } from '@portal/domain';
import { In, IsNull } from 'typeorm';
import type { TestApp } from './test-app';

/**
 * Checks that every status change of the given applications e-mailed exactly the people its
 * transition's notify list names, once each, by what the SMTP server received. Waits first
 * until each of their notify jobs has run and each of their mails has left.
 *
 * Fails if it had nothing to look at: each application must have at least one status change.
 */
export async function expectNotifiedAsDefined(
  t: TestApp,
  smtp: TestSmtpServer,
  applicationIds: readonly string[],
): Promise<void> {
  expect(applicationIds.length).toBeGreaterThan(0);
  const ids = [...new Set(applicationIds)];
  const rows = t.dataSource.getRepository(NotificationEntity);
  const outbox = t.dataSource.getRepository(OutboxEntity);
  await waitFor(
    async () =>
      (await outbox.countBy({
        applicationId: In(ids),
        jobName: 'notify',
        completedAt: IsNull(),
      })) === 0 &&
      (await rows.countBy({
        applicationId: In(ids),
        channel: 'email',
        status: In(['queued', 'sending']),
      })) === 0,
    60_000,
  );
  const mails = await rows.findBy({
    applicationId: In(ids),
    channel: 'email',
    kind: 'status_change',
  });
  const eventOfMail = new Map(mails.map((m) => [m.id, m.eventId]));
  const received = new Map<string, string[]>();
  for (const mail of smtp.received) {
    const id = /^<([^@]+)@/.exec(mail.messageId)?.[1] ?? '';
    const eventId = eventOfMail.get(id);
    if (!eventId) continue;
    received.set(eventId, [...(received.get(eventId) ?? []), ...mail.to]);
  }
  const applications = new Map(
    (
      await t.dataSource
        .getRepository(ApplicationEntity)
        .findBy({ id: In(ids) })
    ).map((a) => [a.id, a]),
  );
  expect([...applications.keys()].sort()).toEqual([...ids].sort());
  const companies = new Map(
    (await t.dataSource.getRepository(OrganisationEntity).find()).map((o) => [
      o.id,
      o.name,
    ]),
  );
  const emails = new Map(
    (await t.dataSource.getRepository(UserEntity).find()).map((u) => [
      u.id,
      u.email,
    ]),
  );
  const reviewer = (region: string) =>
    DEMO_STAFF.filter(
      (s) => s.role === 'reviewer' && s.bureauRegion === region,
    ).map((s) => s.email);
  const partner = (kind: 'bank' | 'provider') =>
    DEMO_PARTNERS.filter((p) => p.kind === kind).map((p) => p.email);
  const problems: string[] = [];
  const checkedOf = new Map(ids.map((id) => [id, 0]));
  for (const event of await t.dataSource
    .getRepository(ApplicationEventEntity)
    .findBy({ applicationId: In(ids) })) {
    const application = applications.get(event.applicationId);
    if (!application) continue;
    const definition = currentWorkflow(application.type);
    const transition = definition.transitions.find(
      (tr) =>
        tr.action === event.action &&
        tr.from.includes(event.fromState ?? definition.initial),
    );
    if (!transition) continue; // 'create', and annotations
    const partyEmails = async (party: string): Promise<string[]> => {
      switch (party) {
        case 'enterprise':
          return DEMO_COMPANIES.filter(
            (c) => c.name === companies.get(application.organisationId),
          ).map(demoCompanyEmail);
        case 'county':
          return reviewer(application.countyCode);
        case 'city':
          return reviewer(application.cityCode);
        case 'province':
          return reviewer(application.provinceCode);
        case 'bank':
          return application.bankId ? partner('bank') : [];
        case 'provider':
          return application.providerId ? partner('provider') : [];
        case 'expert':
          return (
            await t.dataSource
              .getRepository(ExpertAssignmentEntity)
              .findBy({ applicationId: application.id })
          ).map((a) => emails.get(a.expertUserId) ?? '');
        default:
          return [];
      }
    };
    const expected = new Set<string>();
    for (const target of transition.notify) {
      if (target === 'objector') {
        for (const o of await t.dataSource
          .getRepository(ObjectionEntity)
          .findBy({ applicationId: application.id }))
          expected.add(emails.get(o.userId) ?? '');
        continue;
      }
      const state =
        target === 'applicant'
          ? null
          : target === 'holders'
            ? event.toState
            : (event.fromState ?? definition.initial);
      const party =
        state === null
          ? 'enterprise'
          : (definition.states[state]?.holder ?? 'system');
      for (const email of await partyEmails(party)) expected.add(email);
    }
    const got = (received.get(event.id) ?? []).sort();
    const want = [...expected].sort();
    checkedOf.set(application.id, (checkedOf.get(application.id) ?? 0) + 1);
    if (JSON.stringify(got) !== JSON.stringify(want))
      problems.push(
        `${application.type} ${event.action} → ${event.toState}: got ${got.join(', ') || 'nothing'}, expected ${want.join(', ') || 'nothing'}`,
      );
  }
  for (const [id, n] of checkedOf)
    if (n === 0) problems.push(`${id}: no status change to check`);
  const checked = [...checkedOf.values()].reduce((a, b) => a + b, 0);
  expect(checked).toBeGreaterThanOrEqual(ids.length);
  expect(problems).toEqual([]);
}

import {
  caseLines,
  deadlineLine,
  FOOTER,
  greeting,
  openAction,
} from './common';
import type { Template } from './message';

/** A stage's time ran out: its desk and the supervising level hear of it. */
export const stageEscalationTemplate: Template<'stage_escalation'> = {
  'zh-CN': (d) => ({
    subject: `【超期督办】${d.reference} ${d.typeLabel}已超过办理时限`,
    greeting: greeting('zh-CN', d.recipientName),
    paragraphs: [
      `${d.companyName}的${d.typeLabel}申报（${d.reference}）在“${d.statusLabel}”环节已超过办理时限，请尽快办理；上级主管部门已同步收到督办通知。`,
      ...deadlineLine('zh-CN', d.deadline),
    ],
    facts: caseLines('zh-CN', d),
    action: openAction('zh-CN', d.url),
    footer: FOOTER['zh-CN'],
  }),
  en: (d) => ({
    subject: `[Overdue] ${d.reference} ${d.typeLabel} is past its time limit`,
    greeting: greeting('en', d.recipientName),
    paragraphs: [
      `The ${d.typeLabel} application ${d.reference} of ${d.companyName} has been at "${d.statusLabel}" longer than its time limit. Please act on it now; the supervising level has been told as well.`,
      ...deadlineLine('en', d.deadline),
    ],
    facts: caseLines('en', d),
    action: openAction('en', d.url),
    footer: FOOTER.en,
  }),
};

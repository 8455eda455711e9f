import { APPLICATION_TYPES, CAPABILITIES } from './workflow-definition';
import type {
  Trigger,
  TransitionDefinition,
  WorkflowDefinition,
} from './workflow-definition';
import { applicantMustHear } from '../notifications/notification-rules';
import { applicantWording } from './workflow-engine';
import { currentWorkflow } from './workflows';

/** docs/workflows.md, generated from the definitions: a Mermaid diagram and tables per type. */
export function renderWorkflowDocs(): string {
  const parts = [
    '# Application workflows',
    '',
    '<!-- Generated from libs/shared/domain/src/lib/programmes by `npm run docs:workflows`. Do not edit by hand: a test fails when this file is stale. -->',
    '',
    'Each application type is a declarative definition in `libs/shared/domain`. The API enforces it;',
    'the web app draws steps and buttons from it. Time limits are working days.',
    '`applicant!` in "notifies": the enterprise is e-mailed whatever its preferences say (a return,',
    'a decision, an ending); see docs/notifications.md.',
    '',
  ];
  for (const type of APPLICATION_TYPES)
    parts.push(...renderOne(currentWorkflow(type)));
  return parts.join('\n');
}

function renderOne(w: WorkflowDefinition): string[] {
  const states = Object.entries(w.states);
  const lines = [
    `## ${w.label.en} (${w.label['zh-CN']})`,
    '',
    `Type \`${w.type}\`, version ${w.version}, implements ${w.policy}.`,
    '',
    ...(w.capabilities.length
      ? [
          `Beyond the common parts: ${w.capabilities.map((c) => `${c} (${CAPABILITIES[c]})`).join('; ')}.`,
          '',
        ]
      : []),
    ...(w.endEffects?.length
      ? [`Whenever the case ends: ${w.endEffects.join(', ')}.`, '']
      : []),
    '```mermaid',
    'stateDiagram-v2',
    `  [*] --> ${w.initial}`,
  ];
  for (const t of w.transitions) {
    for (const from of t.from) lines.push(`  ${from} --> ${t.to}: ${t.action}`);
  }
  for (const [key, s] of states) if (s.terminal) lines.push(`  ${key} --> [*]`);
  lines.push(
    '```',
    '',
    '| state | staff label | the enterprise sees | held by | limit (working days) | ends as |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const [key, s] of states) {
    lines.push(
      `| \`${key}\` | ${s.staffLabel['zh-CN']} / ${s.staffLabel.en} | ${s.applicantLabel['zh-CN']} / ${s.applicantLabel.en} | ${s.terminal ? '—' : s.holder} | ${s.timeLimitDays ?? '—'} | ${s.outcome ?? '—'} |`,
    );
  }
  lines.push(
    '',
    '| action | from | to | by | the enterprise reads | comment | guards | notifies | then |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const t of w.transitions) {
    const by = t.trigger
      ? `system, on ${describeTrigger(t.trigger)}`
      : t.by.join(', ');
    const reads = applicantWording(t);
    lines.push(
      `| \`${t.action}\` | ${t.from.map((f) => `\`${f}\``).join(', ')} | \`${t.to}\` | ${by} | ${reads['zh-CN']} / ${reads.en} | ${t.commentRequired ? 'required' : '—'} | ${t.guards.join(', ') || '—'} | ${describeNotify(w, t)} | ${t.effects.join(', ') || '—'} |`,
    );
  }
  lines.push('');
  return lines;
}

/** `applicant!` marks a notice the enterprise is e-mailed whatever its preferences say. */
function describeNotify(
  w: WorkflowDefinition,
  t: TransitionDefinition,
): string {
  const mustHear = applicantMustHear(w, t);
  return (
    t.notify
      .map((n) => (n === 'applicant' && mustHear ? 'applicant!' : n))
      .join(', ') || '—'
  );
}

function describeTrigger(trigger: Trigger): string {
  switch (trigger.on) {
    case 'auto_check':
      return `automated check ${trigger.outcome}`;
    case 'all_scored':
      return 'the last expert score';
    case 'time_limit_end':
      return "the state's time limit";
    case 'validity_end':
      return "the grant's validity end";
  }
}

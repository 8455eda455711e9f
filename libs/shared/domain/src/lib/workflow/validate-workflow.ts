import { ROLES } from '../access/roles';
import type { Programme } from '../programmes/programme';
import { APPLICATION_TYPES, PROGRAMMES } from '../programmes/registry';
import type { RegionLevel } from '../regions/region-code';
import {
  CAPABILITIES,
  EFFECTS,
  GUARDS,
  PARTIES,
  partyOf,
  type Capability,
  type Labels,
  type Party,
  type StateDefinition,
  type TransitionDefinition,
  type WorkflowDefinition,
} from './workflow-definition';

/** Words that name internal stages; an applicant-facing label must not use them. */
const INTERNAL_WORDS = [
  /专家/,
  /expert/i,
  /自动/,
  /automat/i,
  /异议复核/,
  /objection/i,
  /形式审查/,
  /system/i,
  /系统/,
  /评分/,
  /scoring/i,
];

const CJK = /[\u4e00-\u9fff]/;

/** Every party some membership (a role, at any bureau level) acts as. */
const PARTIES_OF_ROLES: ReadonlySet<Party> = new Set(
  ROLES.flatMap((role) =>
    ([null, 'county', 'city', 'province'] as (RegionLevel | null)[]).map(
      (level) => partyOf(role, level),
    ),
  ).filter((party): party is Party => party !== null),
);

/** What a capability needs the definition to use, so that declaring one means something. */
const CAPABILITY_USE: {
  readonly [C in Capability]: (t: TransitionDefinition) => boolean;
} = {
  expert_review: (t) =>
    t.guards.includes('experts_drawn') ||
    t.guards.includes('all_experts_scored') ||
    t.trigger?.on === 'all_scored',
  public_notice: (t) => t.public === true,
  voucher_ledger: (t) => t.guards.includes('voucher_cap_available'),
  voucher_settlement: (t) => t.guards.includes('settlement_recorded'),
};

/**
 * What is wrong with a definition, each problem naming the state or transition; empty when it is
 * sound. Definitions are data: this is what stops a bad one before any case runs on it.
 */
export function validateWorkflow(
  w: WorkflowDefinition,
  programme?: Pick<Programme, 'validUntil'>,
): string[] {
  const problems: string[] = [];
  const states = w.states as Readonly<Record<string, StateDefinition>>;
  const keys = Object.keys(states);
  const say = (where: string, problem: string) =>
    problems.push(`${where}: ${problem}`);
  const named = (t: TransitionDefinition) =>
    `transition "${t.action}" from ${t.from.join('/')}`;

  checkLabels(w.label, 'the definition label', say, false);
  if (!states[w.initial])
    say(`initial state "${w.initial}"`, 'is not a state of the definition');

  for (const t of w.transitions) {
    for (const key of [...t.from, t.to])
      if (!states[key]) say(named(t), `names "${key}", which is not a state`);
    if (t.from.length === 0) say(named(t), 'starts from no state');
    checkLabels(t.label, named(t), say, false);
    // The enterprise reads every step of its case's history: in its own wording, or the label.
    if (t.applicantLabel)
      checkLabels(t.applicantLabel, `${named(t)} applicant label`, say, true);
    else
      checkPublic(
        t.label,
        `${named(t)} label, which the applicant reads (it has no applicant label)`,
        say,
      );
    for (const guard of t.guards)
      if (!Object.hasOwn(GUARDS, guard))
        say(named(t), `has the unknown guard "${guard}"`);
    for (const effect of t.effects)
      if (!Object.hasOwn(EFFECTS, effect))
        say(named(t), `has the unknown effect "${effect}"`);
    for (const party of t.by) checkParty(party, named(t), say);
    if (t.by.length === 0) say(named(t), 'is fired by no one');
    const bySystem = t.by.includes('system');
    if (bySystem && t.by.length > 1)
      say(named(t), 'mixes the system with people: a trigger fires it alone');
    if (bySystem && !t.trigger)
      say(named(t), 'is fired by the system but names no trigger');
    if (t.trigger && !bySystem)
      say(named(t), `has a trigger (${t.trigger.on}) but is not by the system`);
    const target = states[t.to];
    if (
      target &&
      (target.outcome === 'refused' || /return/.test(t.action)) &&
      !t.commentRequired
    )
      say(named(t), 'refuses or returns without requiring a comment');
    if (
      t.effects.includes('release_ledger') &&
      !w.capabilities.includes('voucher_ledger')
    )
      say(named(t), 'releases a ledger the definition does not keep');
    if (
      t.effects.includes('mark_ledger_paid') &&
      !w.capabilities.includes('voucher_ledger')
    )
      say(named(t), 'marks paid a ledger the definition does not keep');
  }
  for (const effect of w.endEffects ?? [])
    if (!Object.hasOwn(EFFECTS, effect))
      say('endEffects', `has the unknown effect "${effect}"`);

  const pairs = new Map<string, number>();
  for (const t of w.transitions)
    for (const from of t.from) {
      const key = `"${t.action}" from "${from}"`;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
  for (const [pair, count] of pairs)
    if (count > 1) say(`transition ${pair}`, `is defined ${count} times`);

  const reached = reachable(w);
  for (const key of keys) {
    const s = states[key] as StateDefinition;
    const where = `state "${key}"`;
    const exits = w.transitions.filter((t) => t.from.includes(key));
    if (!reached.has(key))
      say(where, 'cannot be reached from the initial state');
    checkLabels(s.staffLabel, `${where} staff label`, say, false);
    checkLabels(s.applicantLabel, `${where} applicant label`, say, true);
    checkParty(s.holder, `${where} holder`, say);
    if (s.terminal) {
      if (exits.length)
        say(
          where,
          `is terminal but has exits (${exits.map((t) => t.action).join(', ')})`,
        );
      if (s.outcome === null) say(where, 'is terminal but has no outcome');
      continue;
    }
    if (exits.length === 0) say(where, 'is not terminal but has no exit');
    if (s.outcome !== null)
      say(where, `is not terminal but ends as "${s.outcome}"`);
    if (s.holder === 'enterprise' && s.timeLimitDays !== null && !s.milestone)
      say(where, 'is held by the enterprise, whose time is not limited');
    if (
      s.milestone &&
      !(s.holder === 'enterprise' && Number(s.timeLimitDays) > 0)
    )
      say(where, 'is a milestone but not the enterprise’s with a time limit');
    // A grant in force waits for its own end date, not a time limit in working days.
    const waitsForValidity =
      s.holder === 'system' &&
      exits.every((t) => t.trigger?.on === 'validity_end');
    if (
      s.holder !== 'enterprise' &&
      !waitsForValidity &&
      !(Number(s.timeLimitDays) > 0)
    )
      say(where, `is held by ${s.holder} but has no time limit`);
    if (
      s.holder === 'enterprise' &&
      !exits.some((t) => t.by.includes('enterprise'))
    )
      say(where, 'is held by the enterprise, who can do nothing there');
    checkTriggers(w, key, exits, programme, say);
  }

  for (const capability of w.capabilities) {
    if (!Object.hasOwn(CAPABILITIES, capability)) {
      say('capabilities', `names the unknown capability "${capability}"`);
      continue;
    }
    if (!w.transitions.some(CAPABILITY_USE[capability]))
      say('capabilities', `declares ${capability} but no transition uses it`);
  }
  for (const t of w.transitions)
    for (const capability of Object.keys(CAPABILITIES) as Capability[])
      if (CAPABILITY_USE[capability](t) && !w.capabilities.includes(capability))
        say(
          named(t),
          `needs the capability ${capability}, which is not declared`,
        );
  if (
    w.capabilities.includes('voucher_ledger') &&
    !w.endEffects?.includes('release_ledger')
  )
    say(
      'endEffects',
      'keeps a voucher ledger but does not release it when a case ends',
    );
  if (
    w.capabilities.includes('voucher_settlement') &&
    !w.capabilities.includes('voucher_ledger')
  )
    say('capabilities', 'settles vouchers but keeps no voucher ledger');
  return problems;
}

/** Every version of every registered programme checked; throws naming each problem. */
export function assertValidProgrammes(): void {
  const problems: string[] = [];
  const prefixes = new Map<string, string>();
  for (const type of APPLICATION_TYPES) {
    const programme = PROGRAMMES[type];
    if (programme.type !== type)
      problems.push(`${type}: registered as the programme "${programme.type}"`);
    if (!/^[A-Z]{2,4}$/.test(programme.referencePrefix))
      problems.push(
        `${type}: reference prefix "${programme.referencePrefix}" is not 2–4 capital letters`,
      );
    const taken = prefixes.get(programme.referencePrefix);
    if (taken)
      problems.push(
        `${type}: reference prefix ${programme.referencePrefix} is ${taken}'s too`,
      );
    prefixes.set(programme.referencePrefix, type);
    if (programme.workflows.length === 0)
      problems.push(`${type}: has no workflow`);
    programme.workflows.forEach((w, i) => {
      if (w.type !== type)
        problems.push(
          `${type}: version ${w.version} is a "${w.type}" workflow`,
        );
      if (i > 0 && w.version <= (programme.workflows[i - 1]?.version ?? 0))
        problems.push(
          `${type}: versions are not in ascending order at v${w.version}`,
        );
      for (const problem of validateWorkflow(w, programme))
        problems.push(`${type} v${w.version}, ${problem}`);
      if (w.capabilities.includes('expert_review') && !programme.rubric)
        problems.push(
          `${type} v${w.version}: has experts score, but the programme has no rubric`,
        );
    });
  }
  if (problems.length)
    throw new Error(
      `The programme definitions are not sound:\n- ${problems.join('\n- ')}`,
    );
}

function reachable(w: WorkflowDefinition): Set<string> {
  const reached = new Set<string>([w.initial]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of w.transitions)
      if (t.from.some((f) => reached.has(f)) && !reached.has(t.to)) {
        reached.add(t.to);
        grew = true;
      }
  }
  return reached;
}

/** Whatever fires a state's system exits must be able to happen there. */
function checkTriggers(
  w: WorkflowDefinition,
  key: string,
  exits: readonly TransitionDefinition[],
  programme: Pick<Programme, 'validUntil'> | undefined,
  say: (where: string, problem: string) => void,
): void {
  const where = `state "${key}"`;
  const triggers = exits.flatMap((t) =>
    t.trigger
      ? [
          t.trigger.on === 'auto_check'
            ? `auto_check ${t.trigger.outcome}`
            : t.trigger.on,
        ]
      : [],
  );
  for (const trigger of new Set(triggers))
    if (triggers.filter((t) => t === trigger).length > 1)
      say(where, `has more than one exit on ${trigger}`);
  const entries = w.transitions.filter((t) => t.to === key);
  const checked = entries.some((t) => t.effects.includes('run_auto_check'));
  const onCheck = triggers.filter((t) => t.startsWith('auto_check')).length;
  if (checked && onCheck !== 2)
    say(
      where,
      'runs the automated check but lacks an exit for passed and one for failed',
    );
  if (!checked && onCheck > 0)
    say(where, 'waits for an automated check that no transition into it runs');
  const state = (w.states as Readonly<Record<string, StateDefinition>>)[key];
  if (
    triggers.includes('time_limit_end') &&
    !(Number(state?.timeLimitDays) > 0)
  )
    say(where, 'ends on its time limit but has none');
  if (triggers.includes('validity_end') && programme && !programme.validUntil)
    say(where, "ends on a grant's validity, but the programme dates no grant");
}

function checkParty(
  party: Party,
  where: string,
  say: (where: string, problem: string) => void,
): void {
  if (!PARTIES.includes(party))
    say(where, `names the unknown party "${party}"`);
  else if (party !== 'system' && !PARTIES_OF_ROLES.has(party))
    say(where, `names ${party}, which no role acts as`);
}

function checkLabels(
  label: Labels,
  where: string,
  say: (where: string, problem: string) => void,
  applicantFacing: boolean,
): void {
  const zh = label?.['zh-CN']?.trim() ?? '';
  const en = label?.en?.trim() ?? '';
  if (!CJK.test(zh)) say(where, 'has no Chinese wording');
  if (!en || CJK.test(en)) say(where, 'has no English wording');
  if (applicantFacing) checkPublic(label, where, say);
}

/** Wording the applicant reads names no internal stage. */
function checkPublic(
  label: Labels,
  where: string,
  say: (where: string, problem: string) => void,
): void {
  for (const text of [label?.['zh-CN'] ?? '', label?.en ?? ''])
    if (INTERNAL_WORDS.some((word) => word.test(text)))
      say(where, `shows the applicant an internal word ("${text}")`);
}

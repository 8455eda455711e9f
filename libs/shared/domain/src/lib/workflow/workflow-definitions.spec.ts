import { ROLES } from '../access/roles';
import type { RegionLevel } from '../regions/region-code';
import {
  APPLICATION_TYPES,
  GUARDS,
  partyOf,
  type Party,
  type WorkflowDefinition,
} from './workflow-definition';
import { applicantStatus } from './workflow-engine';
import { currentWorkflow, WORKFLOW_VERSIONS } from './workflows';

const ALL: WorkflowDefinition[] = APPLICATION_TYPES.flatMap((type) => [
  ...WORKFLOW_VERSIONS[type],
]);

const LEVELS: readonly (RegionLevel | null)[] = [
  null,
  'county',
  'city',
  'province',
];

/** Every party some membership (a role, at any bureau level) acts as. */
const PARTIES_OF_ROLES = new Set(
  ROLES.flatMap((role) => LEVELS.map((level) => partyOf(role, level))).filter(
    (party): party is Party => party !== null,
  ),
);

/**
 * The parties a definition names (firing a transition or holding a state) that no role can act
 * as, each with where it is named. `system` is the queue handlers, not a person.
 */
function partiesNoRoleActsAs(w: WorkflowDefinition): string[] {
  const named = [
    ...Object.entries(w.states).map(
      ([key, s]) => [s.holder, `holder of ${key}`] as const,
    ),
    ...w.transitions.flatMap((t) =>
      t.by.map((party) => [party, `by of ${t.action}`] as const),
    ),
  ];
  return named
    .filter(([party]) => party !== 'system' && !PARTIES_OF_ROLES.has(party))
    .map(([party, where]) => `${party} (${where})`);
}

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
];

describe.each(ALL.map((w) => [`${w.type} v${w.version}`, w] as const))(
  'the %s definition',
  (_, w) => {
    const states = Object.keys(w.states);
    const stateDef = (key: string) =>
      (w.states as Record<string, WorkflowDefinition['states'][string]>)[key];

    it('names only states it defines', () => {
      expect(states).toContain(w.initial);
      for (const t of w.transitions) {
        for (const key of [...t.from, t.to]) expect(states).toContain(key);
      }
    });

    it('reaches every state from the initial one', () => {
      const reached = new Set([w.initial]);
      let grew = true;
      while (grew) {
        grew = false;
        for (const t of w.transitions) {
          if (t.from.some((f) => reached.has(f)) && !reached.has(t.to)) {
            reached.add(t.to);
            grew = true;
          }
        }
      }
      expect(states.filter((s) => !reached.has(s))).toEqual([]);
    });

    it('lets nothing leave a terminal state, and gives every terminal state an outcome', () => {
      for (const key of states.filter((s) => stateDef(s)?.terminal)) {
        expect(
          w.transitions
            .filter((t) => t.from.includes(key))
            .map((t) => t.action),
        ).toEqual([]);
        expect(stateDef(key)?.outcome).not.toBeNull();
      }
    });

    it('gives every non-terminal state an exit, a holder, and a time limit unless the enterprise holds it', () => {
      for (const key of states.filter((s) => !stateDef(s)?.terminal)) {
        const s = stateDef(key);
        expect(w.transitions.some((t) => t.from.includes(key))).toBe(true);
        expect(s?.outcome).toBeNull();
        if (s?.holder === 'enterprise') expect(s.timeLimitDays).toBeNull();
        else expect(s?.timeLimitDays).toBeGreaterThan(0);
      }
    });

    it('never shows the applicant an internal label', () => {
      for (const key of states) {
        const status = applicantStatus(w, key);
        expect(status.label).toBe(stateDef(key)?.applicantLabel);
        for (const text of [status.label['zh-CN'], status.label.en]) {
          expect(INTERNAL_WORDS.filter((word) => word.test(text))).toEqual([]);
        }
      }
    });

    it('has one transition per action and state, and only known guards', () => {
      const pairs = w.transitions.flatMap((t) =>
        t.from.map((f) => `${f}:${t.action}`),
      );
      expect(new Set(pairs).size).toBe(pairs.length);
      for (const t of w.transitions)
        for (const g of t.guards) expect(Object.keys(GUARDS)).toContain(g);
    });

    it('asks for a comment on every refusal and return', () => {
      for (const t of w.transitions) {
        const target = stateDef(t.to);
        if (target?.outcome === 'refused' || /return/.test(t.action))
          expect(t.commentRequired).toBe(true);
      }
    });

    it('lets the enterprise act wherever it holds the case', () => {
      for (const key of states.filter(
        (s) => stateDef(s)?.holder === 'enterprise' && !stateDef(s)?.terminal,
      )) {
        expect(
          w.transitions.some(
            (t) => t.from.includes(key) && t.by.includes('enterprise'),
          ),
        ).toBe(true);
      }
    });
  },
);

describe('the registry', () => {
  it('has a current definition per type, with versions in order', () => {
    for (const type of APPLICATION_TYPES) {
      const versions = WORKFLOW_VERSIONS[type].map((w) => w.version);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      expect(currentWorkflow(type).type).toBe(type);
    }
  });

  it('uses roles that exist: every party that fires a transition or holds a state is the party of some role', () => {
    const unplayable = ALL.flatMap((w) =>
      partiesNoRoleActsAs(w).map((p) => `${w.type} v${w.version}: ${p}`),
    );
    expect(unplayable).toEqual([]);
    // The check looks at the definitions: a party no role acts as is caught.
    const [first] = ALL;
    if (!first) throw new Error('no definitions');
    const [transition, ...rest] = first.transitions;
    if (!transition) throw new Error(`${first.type} has no transitions`);
    const withNotary: WorkflowDefinition = {
      ...first,
      transitions: [{ ...transition, by: ['notary' as Party] }, ...rest],
    };
    expect(partiesNoRoleActsAs(withNotary)).toEqual([
      `notary (by of ${transition.action})`,
    ]);
  });
});

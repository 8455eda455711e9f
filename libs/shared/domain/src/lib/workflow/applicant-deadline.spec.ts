import {
  applicantNextDeadline,
  applicationPhase,
  statesInPhase,
} from './applicant-deadline';
import { currentWorkflow } from './workflows';

describe("the applicant's phase and next deadline", () => {
  const highTech = currentWorkflow('high_tech');

  it('puts every state of every programme in exactly one phase', () => {
    const phases = ['draft', 'with_you', 'in_review', 'finished'] as const;
    const highTechStates = phases.flatMap(
      (phase) =>
        statesInPhase(phase).find((e) => e.type === 'high_tech')?.states ?? [],
    );
    expect([...highTechStates].sort()).toEqual(
      Object.keys(highTech.states).sort(),
    );
    expect(applicationPhase(highTech, 'draft')).toBe('draft');
    expect(applicationPhase(highTech, 'returned_by_county')).toBe('with_you');
    expect(applicationPhase(highTech, 'county_review')).toBe('in_review');
  });

  it("is the call's closing for a draft, the stage's limit while the company holds the case, else none", () => {
    const closes = '2026-12-31T09:59:59.000Z';
    const due = '2026-12-10T15:59:59.999Z';
    expect(applicantNextDeadline(highTech, 'draft', null, closes)).toEqual({
      kind: 'call_closes',
      at: closes,
    });
    expect(
      applicantNextDeadline(highTech, 'returned_by_county', due, closes),
    ).toEqual({ kind: 'answer', at: due });
    expect(
      applicantNextDeadline(highTech, 'returned_by_county', null, closes),
    ).toBeNull();
    expect(
      applicantNextDeadline(highTech, 'county_review', due, closes),
    ).toBeNull();
    const project = currentWorkflow('st_project');
    const milestone = Object.entries(project.states).find(
      ([, s]) => s.milestone,
    )?.[0];
    expect(milestone).toBeDefined();
    expect(
      applicantNextDeadline(project, milestone ?? '', due, closes)?.kind,
    ).toBe('milestone');
  });
});

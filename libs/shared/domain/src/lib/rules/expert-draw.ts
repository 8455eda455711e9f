/**
 * The random draw of the expert panel for the provincial review of a high-tech certification
 * (国科发火〔2016〕32号 工作指引): at least five experts per application, at least 60% of them
 * technical experts and at least one finance expert, none tied to the applicant.
 */
export const EXPERT_DISCIPLINES = ['technical', 'finance'] as const;
export type ExpertDiscipline = (typeof EXPERT_DISCIPLINES)[number];

export interface ExpertCandidate {
  readonly id: string;
  /** The expert's employer; null for independent experts. */
  readonly organisationId: string | null;
  readonly discipline: ExpertDiscipline;
  /** Organisations the expert declared a conflict of interest with. */
  readonly conflictOrganisationIds: readonly string[];
}

export const EXPERT_DRAW_RULES = {
  minimumPanel: 5,
  minimumTechnicalShare: 0.6,
  minimumFinance: 1,
} as const;

export type ExpertDrawFailure =
  | 'panel_too_small'
  | 'not_enough_eligible'
  | 'not_enough_technical'
  | 'not_enough_finance';

export type ExpertDraw =
  | { readonly ok: true; readonly experts: ExpertCandidate[] }
  | {
      readonly ok: false;
      readonly reason: ExpertDrawFailure;
      /** Candidates left after removing the applicant's own staff and declared conflicts. */
      readonly eligible: number;
    };

export interface ExpertDrawOptions {
  readonly applicantOrganisationId: string;
  readonly panelSize?: number;
  /** A source of numbers in [0, 1), injected so that a draw can be replayed and tested. */
  readonly random: () => number;
}

export type PanelProblem =
  | 'too_few'
  | 'technical_share'
  | 'no_finance'
  | 'conflict'
  | 'duplicate';

/** Whether the expert may judge this applicant: not on its staff and no declared conflict with it. */
export function isIndependentOf(
  expert: ExpertCandidate,
  applicantOrganisationId: string,
): boolean {
  return (
    expert.organisationId !== applicantOrganisationId &&
    !expert.conflictOrganisationIds.includes(applicantOrganisationId)
  );
}

/** The technical experts a panel of this size needs: 60% rounded up (7 experts → 5). */
export function minimumTechnical(panelSize: number): number {
  return Math.ceil(panelSize * EXPERT_DRAW_RULES.minimumTechnicalShare);
}

/**
 * Draws a panel at random from the candidates: the required finance and technical experts first,
 * each picked uniformly from its own discipline, then the remaining seats uniformly from everyone
 * eligible who is left. The same `random` sequence gives the same panel.
 */
export function drawExperts(
  candidates: readonly ExpertCandidate[],
  {
    applicantOrganisationId,
    panelSize = EXPERT_DRAW_RULES.minimumPanel,
    random,
  }: ExpertDrawOptions,
): ExpertDraw {
  if (!Number.isInteger(panelSize)) {
    throw new RangeError(`Panel size must be a whole number: ${panelSize}`);
  }
  const eligible = eligibleCandidates(candidates, applicantOrganisationId);
  const fail = (reason: ExpertDrawFailure): ExpertDraw => ({
    ok: false,
    reason,
    eligible: eligible.length,
  });
  if (panelSize < EXPERT_DRAW_RULES.minimumPanel)
    return fail('panel_too_small');
  if (eligible.length < panelSize) return fail('not_enough_eligible');

  const technical = eligible.filter((c) => c.discipline === 'technical');
  const finance = eligible.filter((c) => c.discipline === 'finance');
  const neededTechnical = minimumTechnical(panelSize);
  const neededFinance = EXPERT_DRAW_RULES.minimumFinance;
  if (technical.length < neededTechnical) return fail('not_enough_technical');
  if (finance.length < neededFinance) return fail('not_enough_finance');

  shuffle(finance, random);
  shuffle(technical, random);
  const rest = [
    ...finance.slice(neededFinance),
    ...technical.slice(neededTechnical),
  ];
  shuffle(rest, random);
  return {
    ok: true,
    experts: [
      ...finance.slice(0, neededFinance),
      ...technical.slice(0, neededTechnical),
      ...rest.slice(0, panelSize - neededFinance - neededTechnical),
    ],
  };
}

/** Re-checks a drawn panel against the draw rules; empty when the panel may review. */
export function panelProblems(
  experts: readonly ExpertCandidate[],
  applicantOrganisationId: string,
): PanelProblem[] {
  const count = (discipline: ExpertDiscipline) =>
    experts.filter((e) => e.discipline === discipline).length;
  const problems: PanelProblem[] = [];
  if (experts.length < EXPERT_DRAW_RULES.minimumPanel) problems.push('too_few');
  if (count('technical') < minimumTechnical(experts.length)) {
    problems.push('technical_share');
  }
  if (count('finance') < EXPERT_DRAW_RULES.minimumFinance) {
    problems.push('no_finance');
  }
  if (experts.some((e) => !isIndependentOf(e, applicantOrganisationId))) {
    problems.push('conflict');
  }
  if (new Set(experts.map((e) => e.id)).size !== experts.length) {
    problems.push('duplicate');
  }
  return problems;
}

/**
 * One entry per expert id. An id listed twice is left out entirely if any of its entries is tied
 * to the applicant, so a stale duplicate row cannot smuggle a conflicted expert onto the panel.
 */
function eligibleCandidates(
  candidates: readonly ExpertCandidate[],
  applicantOrganisationId: string,
): ExpertCandidate[] {
  const tied = new Set(
    candidates
      .filter((c) => !isIndependentOf(c, applicantOrganisationId))
      .map((c) => c.id),
  );
  const seen = new Set<string>();
  return candidates.filter((c) => {
    if (tied.has(c.id) || seen.has(c.id)) return false;
    seen.add(c.id);
    return true;
  });
}

/** Fisher–Yates in place. */
function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    // Clamped so that a source returning exactly 1 cannot index past the end.
    const j = Math.min(Math.floor(random() * (i + 1)), i);
    [items[i], items[j]] = [items[j], items[i]];
  }
}

export type ExpertReplacement =
  | { readonly ok: true; readonly expert: ExpertCandidate }
  | {
      readonly ok: false;
      readonly reason: 'not_on_panel' | ExpertDrawFailure;
      /** Candidates left: independent of the applicant and not on the panel. */
      readonly eligible: number;
    };

/**
 * Draws one expert to take a panel member's seat (one who recused): uniformly from the eligible
 * candidates not yet on the panel, restricted to the discipline the panel needs without the
 * replaced expert (a finance expert when they were the only one, a technical one when the 60 %
 * share would drop), so that the panel keeps the draw's composition rules.
 */
export function drawReplacement(
  panel: readonly ExpertCandidate[],
  replacedId: string,
  candidates: readonly ExpertCandidate[],
  {
    applicantOrganisationId,
    random,
  }: Pick<ExpertDrawOptions, 'applicantOrganisationId' | 'random'>,
): ExpertReplacement {
  const onPanel = new Set(panel.map((e) => e.id));
  const eligible = eligibleCandidates(
    candidates,
    applicantOrganisationId,
  ).filter((c) => !onPanel.has(c.id));
  if (!onPanel.has(replacedId))
    return { ok: false, reason: 'not_on_panel', eligible: eligible.length };
  const rest = panel.filter((e) => e.id !== replacedId);
  const count = (discipline: ExpertDiscipline) =>
    rest.filter((e) => e.discipline === discipline).length;
  const needs: ExpertDiscipline | null =
    count('finance') < EXPERT_DRAW_RULES.minimumFinance
      ? 'finance'
      : count('technical') < minimumTechnical(panel.length)
        ? 'technical'
        : null;
  const fitting = needs
    ? eligible.filter((c) => c.discipline === needs)
    : eligible;
  if (fitting.length === 0)
    return {
      ok: false,
      reason:
        needs === 'finance'
          ? 'not_enough_finance'
          : needs === 'technical'
            ? 'not_enough_technical'
            : 'not_enough_eligible',
      eligible: eligible.length,
    };
  const pick = Math.min(
    Math.floor(random() * fitting.length),
    fitting.length - 1,
  );
  return { ok: true, expert: fitting[pick] };
}

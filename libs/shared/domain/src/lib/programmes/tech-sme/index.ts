import type { EligibilityFacts, Programme } from '../programme';
import type { TechSmeDecision } from './decision';
import {
  evaluateTechSme,
  TECH_SME_PASS_SCORE,
  type TechSmeDirectQualification,
} from './evaluation';
import { TECH_SME_FORM } from './form';
import { TECH_SME_WORKFLOW } from './workflow';

export * from './decision';
export * from './evaluation';
export * from './form';
export * from './workflow';

/** The direct qualifications the enterprise ticks; a high-tech certificate is read from the portal. */
const DECLARED: readonly [string, TechSmeDirectQualification][] = [
  ['nationalStAward', 'national_st_award'],
  ['provincialRdInstitution', 'provincial_rd_institution'],
  ['ledStandard', 'led_standard'],
];

/** The evaluation as the automated check applies it: last year's kept figures and the portal's grants. */
function techSmeEligibility({
  form,
  applicationDate,
  years,
  grants,
}: EligibilityFacts) {
  const lastYear = Number(applicationDate.slice(0, 4)) - 1;
  const figures = years.find((y) => y.year === lastYear);
  if (!figures) return null;
  const evaluation = evaluateTechSme({
    figures,
    blacklisted: form['blacklisted'] === true,
    seriousIncidentInThreeYears: form['seriousIncidentInThreeYears'] === true,
    directQualifications: [
      ...DECLARED.filter(([field]) => form[field] === true).map(([, q]) => q),
      ...(grants.some((g) => g.series === 'high_tech_certificate')
        ? (['high_tech_certificate'] as const)
        : []),
    ],
  });
  const staff = evaluation.scoreRules.find((r) => r.rule === 'staff');
  return {
    policy: evaluation.policy,
    passed: evaluation.passed,
    score: evaluation.score,
    rules: [
      ...evaluation.conditions,
      // A part that scores nothing is not a failure, except the S&T staff share, which must score.
      ...evaluation.scoreRules.map((r) =>
        r.rule === 'staff' ? r : { ...r, passed: true },
      ),
      {
        rule: 'score_or_direct',
        passed:
          evaluation.qualifiedDirectly ||
          (evaluation.score.total >= TECH_SME_PASS_SCORE &&
            (staff?.passed ?? false)),
        explanation: evaluation.explanation,
      },
    ],
  };
}

/** Tech-based SME evaluation (科技型中小企业评价入库). */
export const TECH_SME: Programme<'tech_sme', TechSmeDecision> = {
  type: 'tech_sme',
  workflows: [TECH_SME_WORKFLOW],
  form: TECH_SME_FORM,
  referencePrefix: 'KX',
  // A valid high-tech certificate held in the portal is a direct qualification.
  eligibility: {
    readsGrants: true,
    canJudge: () => true,
    check: techSmeEligibility,
  },
  validUntil: (decision) => decision.registration?.validUntil,
};

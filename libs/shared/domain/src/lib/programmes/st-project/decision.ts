import type { CommonDecision } from '../../workflow/decision';

/** The approval (立项): the funding the bureau grants, which may be less than requested. */
export interface ProjectApproval {
  readonly approvedBudgetYuan: number;
  readonly approvedOn: string;
}

export interface StProjectDecision extends CommonDecision {
  readonly project?: ProjectApproval;
}

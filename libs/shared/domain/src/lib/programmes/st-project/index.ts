import type { Programme } from '../programme';
import type { StProjectDecision } from './decision';
import { ST_PROJECT_FORM } from './form';
import { ST_PROJECT_RUBRIC } from './rubric';
import { ST_PROJECT_WORKFLOW } from './workflow';

export * from './decision';
export * from './form';
export * from './rubric';
export * from './workflow';

/** S&T project calls (科技计划项目: 火炬计划, city key programmes). */
export const ST_PROJECT: Programme<'st_project', StProjectDecision> = {
  type: 'st_project',
  workflows: [ST_PROJECT_WORKFLOW],
  form: ST_PROJECT_FORM,
  referencePrefix: 'XM',
  eligibility: null,
  rubric: ST_PROJECT_RUBRIC,
};

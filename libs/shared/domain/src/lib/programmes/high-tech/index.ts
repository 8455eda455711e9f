import type { Programme } from '../programme';
import type { HighTechDecision } from './decision';
import {
  HIGH_TECH_FIELDS,
  highTechSelfCheck,
  type HighTechField,
} from './eligibility';
import { HIGH_TECH_FORM } from './form';
import { HIGH_TECH_EXPERT_RUBRIC } from './rubric';
import { HIGH_TECH_WORKFLOW } from './workflow';

export * from './decision';
export * from './eligibility';
export * from './form';
export * from './rubric';
export * from './self-check-prefill';
export * from './workflow';

const isHighTechField = (value: unknown): value is HighTechField =>
  HIGH_TECH_FIELDS.includes(value as HighTechField);

/** High-tech enterprise certification (高新技术企业认定). */
export const HIGH_TECH: Programme<'high_tech', HighTechDecision> = {
  type: 'high_tech',
  workflows: [HIGH_TECH_WORKFLOW],
  form: HIGH_TECH_FORM,
  referencePrefix: 'GX',
  rubric: HIGH_TECH_EXPERT_RUBRIC,
  eligibility: {
    readsGrants: false,
    canJudge: (form) => typeof form['registeredOn'] === 'string',
    check: ({ form, applicationDate, years }) =>
      typeof form['registeredOn'] === 'string'
        ? highTechSelfCheck({
            registeredOn: form['registeredOn'],
            applicationDate,
            field: isHighTechField(form['field']) ? form['field'] : null,
            majorIncidentLastYear: form['majorIncidentLastYear'] === true,
            years,
          })
        : null,
  },
};

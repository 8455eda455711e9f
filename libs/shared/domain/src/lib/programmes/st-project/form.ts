import { LICENCE } from '../../forms/common-materials';
import type { FormSchema } from '../../forms/form-schema';
import { l } from '../../workflow/labels';

export const PROJECT_PLANS = ['torch', 'city_key'] as const;
export type ProjectPlan = (typeof PROJECT_PLANS)[number];

/** A project filing: what, when, how much, and the plan the milestones hold it to. */
export const ST_PROJECT_FORM: FormSchema = {
  version: 1,
  sections: [
    {
      key: 'project',
      label: l('项目概况', 'The project'),
      fields: [
        {
          key: 'projectName',
          type: 'text',
          label: l('项目名称', 'Project name'),
          required: true,
          maxLength: 100,
        },
        {
          key: 'plan',
          type: 'select',
          label: l('计划类别', 'Programme line'),
          required: true,
          options: [
            { value: 'torch', label: l('火炬计划', 'Torch programme') },
            {
              value: 'city_key',
              label: l('市级重点科技计划', 'City key S&T programme'),
            },
          ],
        },
        {
          key: 'summary',
          type: 'textarea',
          label: l('项目内容与目标', 'Content and targets'),
          required: true,
          maxLength: 4000,
        },
        {
          key: 'startOn',
          type: 'date',
          label: l('计划开始日期', 'Planned start'),
          required: true,
        },
        {
          key: 'endOn',
          type: 'date',
          label: l('计划完成日期', 'Planned completion'),
          required: true,
        },
      ],
    },
    {
      key: 'budget',
      label: l('经费预算', 'Budget'),
      fields: [
        {
          key: 'budgetTotalYuan',
          type: 'money',
          label: l('项目总预算（元）', 'Total budget (CNY)'),
          required: true,
          min: 10_000,
          max: 500_000_000,
        },
        {
          key: 'budgetRequestedYuan',
          type: 'money',
          label: l('申请财政资助（元）', 'Funding requested (CNY)'),
          required: true,
          min: 10_000,
          max: 50_000_000,
        },
      ],
    },
  ],
  materials: [
    LICENCE,
    {
      key: 'project_proposal',
      label: l('项目申报书', 'Project proposal'),
      required: true,
      allowed: ['pdf', 'docx'],
      maxSizeMb: 20,
    },
    {
      key: 'budget_sheet',
      label: l('经费预算表', 'Budget sheet'),
      required: true,
      allowed: ['pdf', 'xlsx'],
      maxSizeMb: 10,
    },
    {
      key: 'midterm_report',
      label: l('中期报告', 'Mid-term report'),
      required: true,
      allowed: ['pdf', 'docx'],
      maxSizeMb: 20,
      phase: 'midterm',
    },
    {
      key: 'final_report',
      label: l('结题报告', 'Final report'),
      required: true,
      allowed: ['pdf', 'docx'],
      maxSizeMb: 20,
      phase: 'final',
    },
  ],
};

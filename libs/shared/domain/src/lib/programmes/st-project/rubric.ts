import { summedRubric, type Rubric } from '../../rules/expert-rubric';
import { l } from '../../workflow/labels';

/** The project call's own initial-review rubric (100 points); a panel's mean must exceed 60. */
export const ST_PROJECT_RUBRIC: Rubric = summedRubric(
  [
    {
      key: 'innovation',
      max: 30,
      label: l('技术创新性与先进性', 'Innovation and technical level'),
    },
    {
      key: 'feasibility',
      max: 25,
      label: l('实施方案可行性', 'Feasibility of the plan'),
    },
    {
      key: 'benefit',
      max: 25,
      label: l('经济社会效益', 'Economic and social benefit'),
    },
    {
      key: 'capacity',
      max: 20,
      label: l('承担单位实施能力', "The company's capacity to deliver"),
    },
  ],
  60,
);

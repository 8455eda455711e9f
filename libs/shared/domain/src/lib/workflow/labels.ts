import type { Labels } from './workflow-definition';

export const l = (zh: string, en: string): Labels => ({ 'zh-CN': zh, en });

/** Applicant-facing wordings shared by several types, so the same situation reads the same. */
export const PUBLIC = {
  draft: l('草稿', 'Draft'),
  accepting: l('已提交，正在受理', 'Submitted, being accepted'),
  county: l('县级科技局审核中', 'Under review by the county S&T bureau'),
  city: l('市级科技局审核中', 'Under review by the city S&T bureau'),
  province: l('省级评审中', 'Under provincial review'),
  supplement: l('待补正材料', 'Returned: supplementary material needed'),
  rejected: l('未通过', 'Not approved'),
  withdrawn: l('已撤回', 'Withdrawn'),
} as const;

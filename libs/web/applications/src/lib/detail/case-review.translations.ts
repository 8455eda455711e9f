import type { FeatureTranslations, TranslationTree } from '@portal/web-i18n';

/* The reviewer's case view's own strings (what changed since a return, file previews, the check's figures). */

const zhCN = {
  caseReview: {
    changesTitle: '退回补正后的修改',
    changesSince: '与 {{at}} 退回补正时相比，企业重新提交前作了以下修改。',
    noChanges: '企业重新提交时未修改表单和材料。',
    changedFields: '修改的字段',
    changedMaterials: '材料变化',
    before: '原值：',
    after: '新值：',
    added: '新增',
    removed: '删除',
    measured: '计算值：',
    threshold: '要求：',
    noFigure: '缺少数据',
    figuresUsed: '检查所用的企业年度数据',
    yuan: '（元）',
    hidePreview: '收起预览',
    internal: '内部意见',
    internalHint: '仅科技局工作人员可见，企业看不到此意见。',
  },
};

const en: TranslationTree<typeof zhCN> = {
  caseReview: {
    changesTitle: 'Changes since the return for supplement',
    changesSince:
      'Compared with the case as it was returned on {{at}}, the enterprise made these changes before resubmitting.',
    noChanges:
      'The enterprise resubmitted without changing the form or the materials.',
    changedFields: 'Fields changed',
    changedMaterials: 'Materials changed',
    before: 'Before:',
    after: 'After:',
    added: 'Added',
    removed: 'Removed',
    measured: 'Figure:',
    threshold: 'Required:',
    noFigure: 'no data',
    figuresUsed: "The company's yearly figures the check read",
    yuan: '(yuan)',
    hidePreview: 'Hide preview',
    internal: 'Internal',
    internalHint:
      'Seen by bureau staff only; the enterprise does not see this remark.',
  },
};

export const CASE_REVIEW_TRANSLATIONS: FeatureTranslations = {
  'zh-CN': zhCN,
  en,
};

import type { FeatureTranslations, TranslationTree } from '@portal/web-i18n';

/* The voucher settlement page's own strings, loaded with the page rather than in the first bundle. */

const zhCN = {
  settlements: {
    title: '创新券月度结算',
    hint: '市级科技局按月结算已核准兑付的创新券：本月应付的申请及合计，登记一次付款（付款日期、银行流水号）后逐项记为已兑付。',
    city: '城市',
    month: '结算月份',
    awaiting: '{{month}} 应结算',
    none: '该月没有等待结算的创新券。',
    already: '该月已登记结算，本月之后核准的兑付计入下月结算。',
    reference: '申报编号',
    company: '企业',
    approvedAt: '核准兑付时间',
    amount: '金额',
    payee: '收款方',
    payeeKind: { company: '企业', provider: '服务机构' },
    total: '合计 {{count}} 件，{{amount}}',
    paidOn: '付款日期',
    paymentReference: '银行流水号',
    referenceHint: '4–64 位字母、数字或 - _ / .',
    record: '登记结算',
    confirm:
      '确认登记 {{month}} 的结算：{{count}} 件，{{amount}}，付款日期 {{paidOn}}？登记后各申请记为已兑付，不可撤销。',
    confirmRecord: '确认登记',
    recorded: '已登记 {{month}} 的结算：{{count}} 件，{{amount}}。',
    readOnly: '结算由市级科技局审核人员登记；您可以查看。',
    history: '已登记的结算',
    historyNone: '尚未登记结算。',
    paidOnColumn: '付款日期',
    cases: '件数',
    show: '查看明细',
    hide: '收起',
    problems: {
      monthFormat: '请按 YYYY-MM 选择月份。',
      monthFuture: '不能结算尚未开始的月份。',
      paidOnMissing: '请填写付款日期。',
      paidOnFormat: '请按 YYYY-MM-DD 填写付款日期。',
      paidOnBeforeMonth: '付款日期不能早于结算月份。',
      paidOnFuture: '付款日期不能晚于今天。',
      referenceFormat:
        '流水号为 4–64 位字母、数字或 - _ / .，以字母或数字开头。',
    },
  },
};

const en: TranslationTree<typeof zhCN> = {
  settlements: {
    title: 'Monthly voucher settlement',
    hint: "The city bureau settles the approved voucher redemptions monthly: the month's cases and total, recorded as one payment (paid on, the bank's reference), after which each case is paid.",
    city: 'City',
    month: 'Month',
    awaiting: 'To settle for {{month}}',
    none: 'No voucher waits for this month’s settlement.',
    already:
      'This month’s settlement is recorded; redemptions approved after it are paid with the next month’s.',
    reference: 'Reference',
    company: 'Company',
    approvedAt: 'Redemption approved',
    amount: 'Amount',
    payee: 'Paid to',
    payeeKind: { company: 'Company', provider: 'Service provider' },
    total: '{{count}} case(s), {{amount}} in all',
    paidOn: 'Paid on',
    paymentReference: 'Bank reference',
    referenceHint: '4–64 letters, digits or - _ / .',
    record: 'Record settlement',
    confirm:
      'Record the settlement of {{month}}: {{count}} case(s), {{amount}}, paid on {{paidOn}}? Each case is then paid; this cannot be undone.',
    confirmRecord: 'Confirm',
    recorded:
      'Settlement of {{month}} recorded: {{count}} case(s), {{amount}}.',
    readOnly:
      "Settlements are recorded by the city bureau's reviewers; you can read them.",
    history: 'Settlements recorded',
    historyNone: 'No settlement recorded yet.',
    paidOnColumn: 'Paid on',
    cases: 'Cases',
    show: 'Show cases',
    hide: 'Hide',
    problems: {
      monthFormat: 'Choose a month as YYYY-MM.',
      monthFuture: 'A month that has not begun cannot be settled.',
      paidOnMissing: 'Enter the date the payment was made.',
      paidOnFormat: 'Enter the payment date as YYYY-MM-DD.',
      paidOnBeforeMonth: 'The payment cannot be before the settled month.',
      paidOnFuture: 'The payment date cannot be after today.',
      referenceFormat:
        '4–64 letters, digits or - _ / ., starting with a letter or digit.',
    },
  },
};

export const SETTLEMENTS_TRANSLATIONS: FeatureTranslations = {
  'zh-CN': zhCN,
  en,
};

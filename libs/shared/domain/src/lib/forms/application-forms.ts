import { HIGH_TECH_FIELDS } from '../rules/high-tech-eligibility';
import { l } from '../workflow/labels';
import type { ApplicationType } from '../workflow/workflow-definition';
import type { FormSchema, MaterialDefinition } from './form-schema';

const LICENCE: MaterialDefinition = {
  key: 'business_licence',
  label: l('营业执照', 'Business licence'),
  required: true,
  allowed: ['pdf', 'jpeg', 'png'],
  maxSizeMb: 10,
};

const FIELD_LABELS: Record<
  (typeof HIGH_TECH_FIELDS)[number],
  ReturnType<typeof l>
> = {
  electronic_information: l('电子信息', 'Electronic information'),
  biology_new_medicine: l('生物与新医药', 'Biology and new medicine'),
  aerospace: l('航空航天', 'Aerospace'),
  new_materials: l('新材料', 'New materials'),
  high_tech_services: l('高技术服务', 'High-tech services'),
  new_energy_energy_saving: l('新能源与节能', 'New energy and energy saving'),
  resources_environment: l('资源与环境', 'Resources and environment'),
  advanced_manufacturing_automation: l(
    '先进制造与自动化',
    'Advanced manufacturing and automation',
  ),
};

/**
 * Loan limits the bureau applies by default; the national and provincial documents set none, so
 * a city bureau may change them with a new form version.
 */
export const LOAN_LIMITS = {
  minYuan: 100_000,
  maxYuan: 10_000_000,
  maxTermMonths: 36,
} as const;

/** The form and materials of each type. The company's yearly figures are not in the form: they are kept on the company and prefilled. */
export const APPLICATION_FORMS: {
  readonly [T in ApplicationType]: FormSchema;
} = {
  high_tech: {
    version: 1,
    sections: [
      {
        key: 'technology',
        label: l('技术领域与产品', 'Technology and products'),
        fields: [
          {
            key: 'field',
            type: 'select',
            label: l('所属高新技术领域', 'High-tech field'),
            required: true,
            options: HIGH_TECH_FIELDS.map((value) => ({
              value,
              label: FIELD_LABELS[value],
            })),
          },
          {
            key: 'mainProducts',
            type: 'textarea',
            label: l('主要产品（服务）', 'Main products or services'),
            required: true,
            maxLength: 2000,
          },
          {
            key: 'coreTechnology',
            type: 'textarea',
            label: l(
              '核心技术及知识产权支撑情况',
              'Core technology and the IP behind it',
            ),
            required: true,
            maxLength: 4000,
          },
          {
            key: 'rdProjects',
            type: 'integer',
            label: l(
              '近三年研发项目数',
              'R&D projects in the last three years',
            ),
            required: true,
            min: 0,
            max: 1000,
          },
        ],
      },
      {
        key: 'declarations',
        label: l('声明', 'Declarations'),
        fields: [
          {
            key: 'registeredOn',
            type: 'date',
            label: l('企业注册成立日期', 'Date the company was registered'),
            required: true,
            hint: l(
              '须在申报前注册成立满一年',
              'Must be at least one year before the application',
            ),
          },
          {
            key: 'majorIncidentLastYear',
            type: 'boolean',
            label: l(
              '申报前一年内发生重大安全、质量事故或严重环境违法行为',
              'A major safety or quality accident or serious environmental violation in the year before',
            ),
            required: true,
          },
          {
            key: 'auditReportNumber',
            type: 'text',
            label: l(
              '研发费用及高新收入专项审计报告编号',
              'Number of the special audit report on R&D and high-tech revenue',
            ),
            required: true,
            maxLength: 64,
          },
        ],
      },
    ],
    materials: [
      LICENCE,
      {
        key: 'special_audit_report',
        label: l(
          '研发费用和高新技术产品（服务）收入专项审计报告',
          'Special audit report of R&D expense and high-tech revenue',
        ),
        required: true,
        allowed: ['pdf'],
        maxSizeMb: 20,
      },
      {
        key: 'financial_statements',
        label: l(
          '近三个会计年度财务会计报告',
          'Financial statements of the last three fiscal years',
        ),
        required: true,
        allowed: ['pdf', 'xlsx'],
        maxSizeMb: 20,
      },
      {
        key: 'ip_certificates',
        label: l('知识产权证书', 'IP certificates'),
        required: true,
        allowed: ['pdf', 'jpeg', 'png'],
        maxSizeMb: 20,
      },
      {
        key: 'staff_list',
        label: l('科技人员名单及学历', 'List of S&T staff'),
        required: true,
        allowed: ['xlsx', 'pdf'],
        maxSizeMb: 10,
      },
      {
        key: 'product_description',
        label: l(
          '高新技术产品（服务）说明',
          'Description of high-tech products',
        ),
        required: false,
        allowed: ['pdf', 'docx'],
        maxSizeMb: 20,
      },
    ],
  },
  innovation_voucher: {
    version: 1,
    sections: [
      {
        key: 'service',
        label: l('拟购买的科技服务', 'The R&D service to buy'),
        fields: [
          {
            key: 'serviceCategory',
            type: 'select',
            label: l('服务类别', 'Service category'),
            required: true,
            options: [
              {
                value: 'instrument_sharing',
                label: l('大型科学仪器共享', 'Shared large instruments'),
              },
              { value: 'testing', label: l('检验检测', 'Testing') },
              { value: 'rd_contract', label: l('委托研发', 'Contract R&D') },
            ],
          },
          {
            key: 'serviceDescription',
            type: 'textarea',
            label: l('服务内容', 'What the service is'),
            required: true,
            maxLength: 2000,
          },
          {
            key: 'plannedCostYuan',
            type: 'money',
            label: l('预计服务费用（元）', 'Planned service cost (CNY)'),
            required: true,
            min: 1,
            max: 100_000_000,
          },
        ],
      },
    ],
    materials: [
      LICENCE,
      {
        key: 'service_plan',
        label: l('服务需求说明', 'Service needs statement'),
        required: false,
        allowed: ['pdf', 'docx'],
        maxSizeMb: 10,
      },
      {
        key: 'invoice',
        label: l('服务费发票', 'Invoice for the service'),
        required: true,
        phase: 'redemption',
        allowed: ['pdf', 'jpeg', 'png'],
        maxSizeMb: 10,
      },
      {
        key: 'payment_proof',
        label: l('付款凭证', 'Proof of payment'),
        required: true,
        phase: 'redemption',
        allowed: ['pdf', 'jpeg', 'png'],
        maxSizeMb: 10,
      },
      {
        key: 'service_result',
        label: l('服务成果（报告）', 'Service result (report)'),
        required: true,
        phase: 'redemption',
        allowed: ['pdf', 'docx'],
        maxSizeMb: 20,
      },
    ],
  },
  transformation_loan: {
    version: 1,
    sections: [
      {
        key: 'loan',
        label: l('贷款需求', 'The loan'),
        fields: [
          {
            key: 'amountYuan',
            type: 'money',
            label: l('申请金额（元）', 'Amount (CNY)'),
            required: true,
            min: LOAN_LIMITS.minYuan,
            max: LOAN_LIMITS.maxYuan,
          },
          {
            key: 'termMonths',
            type: 'integer',
            label: l('期限（月）', 'Term (months)'),
            required: true,
            min: 1,
            max: LOAN_LIMITS.maxTermMonths,
          },
          {
            key: 'purpose',
            type: 'textarea',
            label: l(
              '资金用途（不得转贷或用于民间借贷、资本市场、消费）',
              'Use of funds (no re-lending, private lending, capital markets or consumption)',
            ),
            required: true,
            maxLength: 2000,
          },
          {
            key: 'achievement',
            type: 'textarea',
            label: l(
              '转化的科技成果',
              'The technology achievement being transformed',
            ),
            required: true,
            maxLength: 2000,
          },
          {
            key: 'techSmeNumber',
            type: 'text',
            label: l('科技型中小企业入库编号', 'Tech-SME registration number'),
            required: false,
            maxLength: 32,
          },
        ],
      },
    ],
    materials: [
      LICENCE,
      {
        key: 'financial_statements',
        label: l('近一年财务报表', "Last year's financial statements"),
        required: true,
        allowed: ['pdf', 'xlsx'],
        maxSizeMb: 20,
      },
      {
        key: 'achievement_proof',
        label: l(
          '科技成果证明（专利、鉴定等）',
          'Proof of the achievement (patents, appraisals)',
        ),
        required: true,
        allowed: ['pdf', 'jpeg', 'png'],
        maxSizeMb: 20,
      },
    ],
  },
};

import { LICENCE } from '../../forms/common-materials';
import type { FormSchema } from '../../forms/form-schema';
import { l } from '../../workflow/labels';
import { HIGH_TECH_FIELDS, type HighTechField } from './eligibility';

const FIELD_LABELS: Record<HighTechField, ReturnType<typeof l>> = {
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

/** The high-tech form and materials. The yearly figures are kept on the company and prefilled, not asked again. */
export const HIGH_TECH_FORM: FormSchema = {
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
          label: l('近三年研发项目数', 'R&D projects in the last three years'),
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
          notAfterToday: true,
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
      label: l('高新技术产品（服务）说明', 'Description of high-tech products'),
      required: false,
      allowed: ['pdf', 'docx'],
      maxSizeMb: 20,
    },
  ],
};

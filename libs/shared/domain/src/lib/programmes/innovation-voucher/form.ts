import { LICENCE } from '../../forms/common-materials';
import type { FormSchema } from '../../forms/form-schema';
import { l } from '../../workflow/labels';

/** The voucher form, with the materials of the application and of the redemption. */
export const INNOVATION_VOUCHER_FORM: FormSchema = {
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
};

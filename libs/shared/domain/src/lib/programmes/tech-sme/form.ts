import { LICENCE } from '../../forms/common-materials';
import type { FormSchema } from '../../forms/form-schema';
import { l } from '../../workflow/labels';

/**
 * The evaluation form. The score is computed from the company's kept yearly figures (never asked
 * again); the form holds what the figures cannot say: the declarations and the proofs of a
 * direct qualification. A high-tech certificate held in the portal counts without a proof.
 */
export const TECH_SME_FORM: FormSchema = {
  version: 1,
  sections: [
    {
      key: 'declarations',
      label: l('企业声明', 'Declarations'),
      fields: [
        {
          key: 'blacklisted',
          type: 'boolean',
          label: l(
            '企业被列入经营异常名录或严重违法失信名单',
            'The company is on the list of abnormal operations or of serious violations',
          ),
          required: true,
        },
        {
          key: 'seriousIncidentInThreeYears',
          type: 'boolean',
          label: l(
            '近三年发生重大安全、重大质量事故或严重环境违法行为',
            'A major safety or quality accident or a serious environmental violation in the last three years',
          ),
          required: true,
        },
      ],
    },
    {
      key: 'direct',
      label: l(
        '直接入库条件（具备的选“是”，并上传证明材料）',
        'Direct qualification (answer yes where it applies and upload the proof)',
      ),
      fields: [
        {
          key: 'nationalStAward',
          type: 'boolean',
          label: l(
            '近五年内获得过国家级科技奖励',
            'A national S&T award in the last five years',
          ),
          required: false,
        },
        {
          key: 'provincialRdInstitution',
          type: 'boolean',
          label: l(
            '拥有经认定的省部级以上研发机构',
            'A recognised provincial-level or higher R&D institution',
          ),
          required: false,
        },
        {
          key: 'ledStandard',
          type: 'boolean',
          label: l(
            '近五年内主导制定过国际、国家或行业标准',
            'Led an international, national or industry standard in the last five years',
          ),
          required: false,
        },
      ],
    },
  ],
  materials: [
    LICENCE,
    {
      key: 'financial_statements',
      label: l('上一年度财务报表', "Last year's financial statements"),
      required: true,
      allowed: ['pdf', 'xlsx'],
      maxSizeMb: 20,
    },
    {
      key: 'qualification_proof',
      label: l('直接入库条件证明材料', 'Proof of a direct qualification'),
      required: false,
      allowed: ['pdf', 'jpeg', 'png'],
      maxSizeMb: 20,
    },
  ],
};

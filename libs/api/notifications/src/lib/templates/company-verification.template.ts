import { FOOTER, greeting, openAction } from './common';
import type { Template } from './message';

/** The county verified the company's registration (it may file now), or rejected it, and why. */
export const companyVerificationTemplate: Template<'company_verification'> = {
  'zh-CN': (d) => ({
    subject: d.verified
      ? `【企业核验】${d.companyName}已通过核验，可以在线申报`
      : `【企业核验】${d.companyName}的注册信息未通过核验`,
    greeting: greeting('zh-CN', d.recipientName),
    paragraphs: d.verified
      ? [
          `县（区）科技局已核验${d.companyName}的注册信息。现在可以在本平台填报企业年度数据、发起各类申报。`,
        ]
      : [
          `县（区）科技局未通过${d.companyName}的注册核验，意见为：“${d.comment ?? ''}”。请按意见准备材料，或与属地科技局联系；核验通过前不能发起申报。`,
        ],
    facts: [
      ['企业名称', d.companyName],
      ['统一社会信用代码', d.creditCode],
      ['核验结果', d.verified ? '已通过' : '未通过'],
      ...(d.verified && d.comment ? ([['核验意见', d.comment]] as const) : []),
    ],
    action: openAction('zh-CN', d.url),
    footer: FOOTER['zh-CN'],
  }),
  en: (d) => ({
    subject: d.verified
      ? `[Company verification] ${d.companyName} is verified and can file applications`
      : `[Company verification] The registration of ${d.companyName} was not verified`,
    greeting: greeting('en', d.recipientName),
    paragraphs: d.verified
      ? [
          `The county S&T bureau has verified the registration of ${d.companyName}. You can now enter the company's yearly figures and file applications in the portal.`,
        ]
      : [
          `The county S&T bureau did not verify the registration of ${d.companyName}: "${d.comment ?? ''}". Prepare what it asks for or contact the bureau; applications cannot be filed until the company is verified.`,
        ],
    facts: [
      ['Company', d.companyName],
      ['Unified social credit code', d.creditCode],
      ['Result', d.verified ? 'Verified' : 'Not verified'],
      ...(d.verified && d.comment ? ([['Comment', d.comment]] as const) : []),
    ],
    action: openAction('en', d.url),
    footer: FOOTER.en,
  }),
};

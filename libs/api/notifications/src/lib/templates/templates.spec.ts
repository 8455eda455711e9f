import { LANGUAGES, NOTIFICATION_KINDS } from '@portal/contracts';
import { APPLICATION_TYPES, currentWorkflow } from '@portal/domain';
import { render, TEMPLATES, type TemplateData } from '.';

const caseFacts = {
  recipientName: '王芳',
  reference: 'GX-2026-330421-0007',
  typeLabel: '高新技术企业认定',
  companyName: '嘉兴安泰生物科技有限公司 <script>',
  statusLabel: '退回补正',
  actionLabel: '退回补正',
  comment: '请补充 2025 年审计报告 & 研发费用明细',
  items: ['审计报告: 缺少 2025 年', '研发费用专项审计: 金额不一致'],
  deadline: { days: 5, dueOn: '2026-12-04' },
  url: 'https://portal.example.gov.cn/applications/0e9d',
};

const SAMPLES: TemplateData = {
  status_change: caseFacts,
  stage_reminder: caseFacts,
  stage_escalation: caseFacts,
  commitment_overdue: { ...caseFacts, dueOn: '2026-12-01' },
  refiling_reminder: {
    ...caseFacts,
    typeLabel: '科技型中小企业评价入库',
    number: '202533042100123',
    validUntil: '2026-03-31',
    refilingOpensOn: '2026-01-01',
  },
  draft_reminder: {
    ...caseFacts,
    callTitle: '2026 年度高新技术企业认定（第二批）',
    closesOn: '2026-12-10',
    workingDaysLeft: 3,
  },
  company_verification: {
    recipientName: '王芳',
    companyName: '嘉兴安泰生物科技有限公司 <script>',
    creditCode: '91330421MA2B3C4D5E',
    verified: false,
    comment: '营业执照与填报的信用代码不一致',
    url: 'https://portal.example.gov.cn/company',
  },
  digest: {
    recipientName: '张伟',
    date: '2026-11-28',
    lines: ['【GX-2026-330421-0007】高新技术企业认定：县级审核'],
    more: 2,
    url: 'https://portal.example.gov.cn/inbox',
  },
};

const UNFILLED = /undefined|null|NaN|\[object|\$\{|\{\{/;

describe.each(NOTIFICATION_KINDS)('the %s template', (kind) => {
  it.each(LANGUAGES)(
    'renders in %s with every placeholder filled',
    (language) => {
      const mail = render(kind, language, SAMPLES[kind] as never);
      for (const part of [mail.subject, mail.text, mail.html])
        expect(part).not.toMatch(UNFILLED);
      expect(mail.subject.length).toBeGreaterThan(5);
      // The link to the portal is in both parts.
      const url = (SAMPLES[kind] as { url: string }).url;
      expect(mail.text).toContain(url);
      expect(mail.html).toContain(`href="${url}"`);
      // The recipient is greeted by name.
      const name = (SAMPLES[kind] as { recipientName: string }).recipientName;
      expect(mail.text).toContain(name);
      // Chinese for zh-CN, no Chinese wording of our own in English (names may be Chinese).
      if (language === 'zh-CN') expect(mail.text).toMatch(/您好/);
      else expect(mail.text).toMatch(/^Dear /);
    },
  );
});

describe('status-change mails for every transition of every type', () => {
  it.each(LANGUAGES)(
    'render in %s with the definition’s own wording',
    (language) => {
      let rendered = 0;
      for (const type of APPLICATION_TYPES) {
        const definition = currentWorkflow(type);
        for (const transition of definition.transitions) {
          const state = definition.states[transition.to];
          for (const audience of ['applicantLabel', 'staffLabel'] as const) {
            const mail = render('status_change', language, {
              ...caseFacts,
              typeLabel: definition.label[language],
              statusLabel: state?.[audience][language] ?? '',
              actionLabel: transition.label[language],
              comment: transition.commentRequired ? caseFacts.comment : null,
            });
            for (const part of [
              mail.subject,
              mail.text,
              mail.html,
              mail.notice,
            ])
              expect(part).not.toMatch(UNFILLED);
            expect(mail.subject).toContain(state?.[audience][language]);
            expect(mail.text).toContain(transition.label[language]);
            rendered++;
          }
        }
      }
      expect(rendered).toBeGreaterThan(60);
    },
  );
});

describe('case messages', () => {
  it('carry the reference, company, status, comment, items and deadline', () => {
    for (const language of LANGUAGES) {
      const mail = render('status_change', language, caseFacts);
      expect(mail.subject).toContain(caseFacts.reference);
      expect(mail.subject).toContain(caseFacts.statusLabel);
      for (const text of [
        caseFacts.companyName,
        caseFacts.comment,
        ...caseFacts.items,
        '2026-12-04',
      ])
        expect(mail.text).toContain(text);
      expect(mail.text).toContain(
        language === 'zh-CN' ? '5 个工作日' : '5 working days',
      );
    }
  });

  it('counts one working day in the singular in English', () => {
    const one = render('status_change', 'en', {
      ...caseFacts,
      deadline: { ...caseFacts.deadline, days: 1 },
    });
    expect(one.text).toContain('Time to act: 1 working day,');
    const reminder = render('draft_reminder', 'en', {
      ...SAMPLES.draft_reminder,
      workingDaysLeft: 1,
    });
    expect(reminder.text).toContain('(1 working day left)');
  });

  it('keeps the in-portal notice to what happened and the list', () => {
    const mail = render('status_change', 'zh-CN', caseFacts);
    expect(mail.notice).toContain(caseFacts.comment);
    for (const item of caseFacts.items) expect(mail.notice).toContain(item);
    expect(mail.notice).not.toContain(caseFacts.url);
    expect(mail.notice).not.toContain('您好');
  });

  it('escapes what users wrote in the HTML part', () => {
    const mail = render('status_change', 'en', caseFacts);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).toContain('&amp; 研发费用明细');
  });

  it('leaves out the comment, items and deadline lines when there are none', () => {
    const mail = render('status_change', 'en', {
      ...caseFacts,
      comment: null,
      items: [],
      deadline: null,
    });
    expect(mail.text).not.toContain('Comment:');
    expect(mail.text).not.toContain('What to supplement');
    expect(mail.text).not.toContain('Time to act');
  });

  it('tells the enterprise when its registration lapses and when to re-file', () => {
    const sample = SAMPLES.refiling_reminder;
    for (const language of LANGUAGES) {
      const mail = render('refiling_reminder', language, sample);
      expect(mail.subject).toContain(sample.reference);
      expect(mail.subject).toContain(sample.validUntil);
      for (const text of [
        sample.number,
        sample.validUntil,
        sample.refilingOpensOn,
        sample.companyName,
      ])
        expect(mail.text).toContain(text);
      expect(mail.text).not.toContain(
        language === 'zh-CN' ? '需补正' : 'What to supplement',
      );
    }
  });

  it('tells a company its registration was verified, or not and why', () => {
    const rejected = SAMPLES.company_verification;
    for (const language of LANGUAGES) {
      const no = render('company_verification', language, rejected);
      expect(no.text).toContain(rejected.comment);
      expect(no.text).toContain(rejected.creditCode);
      const yes = render('company_verification', language, {
        ...rejected,
        verified: true,
        comment: null,
      });
      expect(yes.subject).not.toEqual(no.subject);
      expect(yes.text).not.toContain(rejected.comment);
    }
  });

  it('has a template for every kind in both languages', () => {
    for (const kind of NOTIFICATION_KINDS)
      expect(Object.keys(TEMPLATES[kind]).sort()).toEqual(
        [...LANGUAGES].sort(),
      );
  });
});

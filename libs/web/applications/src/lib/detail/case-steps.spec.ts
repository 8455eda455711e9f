import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type {
  ApplicationDetail,
  ApplicationEventView,
} from '@portal/contracts';
import { LanguageService, provideI18n } from '@portal/web-i18n';
import { testDetail, testStatus } from '../shared/test-data';
import { CaseSteps } from './case-steps';

const L = (zh: string, en = zh) => ({ 'zh-CN': zh, en });

/** A high-tech case whose history went through `states`, in order. */
function highTech(
  states: readonly string[],
  stage: ApplicationDetail['status']['stage'] = null,
): ApplicationDetail {
  const events: ApplicationEventView[] = states.map((to, i) => ({
    seq: i + 1,
    action: `step-${i}`,
    actionLabel: L('步骤'),
    from: i === 0 ? null : (states[i - 1] ?? null),
    to,
    toLabel: L('状态'),
    party: 'enterprise',
    actorName: null,
    comment: null,
    items: null,
    createdAt: '2026-11-20T02:00:00.000Z',
  }));
  return testDetail({
    type: 'high_tech',
    events,
    status: testStatus({ state: states[states.length - 1] ?? 'draft', stage }),
  });
}

describe('CaseSteps', () => {
  let fixture: ComponentFixture<CaseSteps>;
  const el = () => fixture.nativeElement as HTMLElement;
  const steps = () =>
    [...el().querySelectorAll<HTMLElement>('[data-testid="case-step"]')].map(
      (s) =>
        `${s.querySelector('.app-step__label')?.textContent?.trim()}:${s.dataset['status']}`,
    );
  const show = async (application: ApplicationDetail) => {
    fixture.componentRef.setInput('application', application);
    await fixture.whenStable();
  };

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [CaseSteps],
      providers: [provideI18n()],
    });
    fixture = TestBed.createComponent(CaseSteps);
  });

  it("draws the programme's steps in the enterprise's words, done, current and to come", async () => {
    await show(
      highTech([
        'draft',
        'submitted',
        'county_review',
        'city_review',
        'provincial_review',
        'expert_review',
      ]),
    );
    expect(steps()).toEqual([
      '草稿:done',
      '已提交，正在受理:done',
      '县级科技局审核中:done',
      '市级科技局审核中:done',
      '省级评审中:current',
      expect.stringMatching(/:upcoming$/),
      '已认定为高新技术企业:upcoming',
    ]);
    expect(el().textContent).not.toContain('专家评审');
    expect(el().querySelector('[data-testid="case-detour"]')).toBeNull();
  });

  it('shows staff the bureau stages', async () => {
    await show(
      highTech(
        [
          'draft',
          'submitted',
          'county_review',
          'city_review',
          'provincial_review',
          'expert_review',
        ],
        L('专家评审', 'Expert scoring'),
      ),
    );
    expect(steps()).toContain('专家评审:current');
  });

  it('marks a return at the stage that returned the case', async () => {
    await show(
      highTech([
        'draft',
        'submitted',
        'county_review',
        'city_review',
        'returned_by_city',
      ]),
    );
    expect(steps()[3]).toBe('市级科技局审核中:current');
    const detour = el().querySelector<HTMLElement>(
      '[data-testid="case-detour"]',
    );
    expect(detour?.dataset['kind']).toBe('return');
    expect(detour?.textContent).toContain('目前：待补正材料');
  });

  it('says how a case ended when it ended otherwise, in English too', async () => {
    TestBed.inject(LanguageService).use('en');
    await show(highTech(['draft', 'withdrawn']));
    expect(steps()[0]).toBe('Draft:current');
    const detour = el().querySelector<HTMLElement>(
      '[data-testid="case-detour"]',
    );
    expect(detour?.dataset['kind']).toBe('ending');
    expect(detour?.textContent).toContain('Ended: Withdrawn');
  });
});

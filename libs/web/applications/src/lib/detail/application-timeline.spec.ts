import { TestBed } from '@angular/core/testing';
import type { ApplicationEventView } from '@portal/contracts';
import { LanguageService, provideI18n } from '@portal/web-i18n';
import { ApplicationTimeline } from './application-timeline';

const L = (zh: string, en = zh) => ({ 'zh-CN': zh, en });

const event = (
  seq: number,
  action: string,
  comment: string,
  internal?: boolean,
): ApplicationEventView => ({
  seq,
  action,
  actionLabel: L(action),
  from: 'a',
  to: 'b',
  toLabel: L('状态', 'State'),
  party: 'province',
  actorName: '审核员',
  comment,
  items: null,
  createdAt: '2026-04-01T02:00:00.000Z',
  ...(internal ? { internal } : {}),
});

describe('ApplicationTimeline', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('marks a remark that stays within the bureau as internal, and only that one', async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ApplicationTimeline],
      providers: [provideI18n()],
    });
    TestBed.inject(LanguageService).use('en');
    const fixture = TestBed.createComponent(ApplicationTimeline);
    fixture.componentRef.setInput('events', [
      event(1, 'recommend', '同意推荐'),
      event(2, 'send_to_experts', '请重点核查知识产权权属', true),
    ]);
    fixture.componentRef.setInput('targets', []);
    await fixture.whenStable();
    const comments = [
      ...(fixture.nativeElement as HTMLElement).querySelectorAll(
        '[data-testid="timeline-comment"]',
      ),
    ];
    expect(comments.map((c) => c.textContent?.trim())).toEqual([
      '同意推荐',
      'Internal 请重点核查知识产权权属',
    ]);
    expect(
      comments[1]
        .querySelector('[data-testid="timeline-internal"]')
        ?.getAttribute('title'),
    ).toContain('the enterprise does not see');
    expect(
      comments[0].querySelector('[data-testid="timeline-internal"]'),
    ).toBeNull();
  });
});

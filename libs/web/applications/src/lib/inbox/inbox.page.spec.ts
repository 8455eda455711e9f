import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiRoutes } from '@portal/contracts';
import { provideI18n } from '@portal/web-i18n';
import { byTestId, click, typeInto } from '@portal/web-ui/testing';
import { testStatus, testSummary } from '../shared/test-data';
import { INBOX_PAGE_SIZE, InboxPage } from './inbox.page';

describe('InboxPage', () => {
  let fixture: ComponentFixture<InboxPage>;
  let http: HttpTestingController;
  const isInbox = (req: { url: string }) => req.url === ApiRoutes.inbox;
  const rows = () =>
    [
      ...(fixture.nativeElement as HTMLElement).querySelectorAll(
        '[data-testid="inbox-row"]',
      ),
    ] as HTMLElement[];

  beforeAll(() => {
    // jsdom has no scrolling; ng-zorro's select scrolls its open list to the chosen option.
    Element.prototype.scrollTo ??= () => undefined;
  });

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [InboxPage],
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(InboxPage);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('lists the to-do applications with stage, due date and a link, and pages on', async () => {
    const first = http.expectOne(isInbox);
    expect(first.request.params.keys().sort()).toEqual(['limit', 'view']);
    expect(first.request.params.get('view')).toBe('todo');
    expect(first.request.params.get('limit')).toBe(String(INBOX_PAGE_SIZE));
    first.flush({
      items: [
        testSummary('a-1', {
          status: testStatus({
            state: 'county_review',
            label: { 'zh-CN': '县级科技局审核中', en: 'County review' },
            stage: { 'zh-CN': '县级初审', en: 'County first review' },
            waitingForApplicant: false,
          }),
          dueAt: '2026-11-25T09:00:00.000Z',
          overdue: true,
        }),
      ],
      nextCursor: 'cur-2',
    });
    await fixture.whenStable();
    const [row] = rows();
    expect(row.textContent).toContain('KJ-2026-a-1');
    expect(row.textContent).toContain('嘉善智造科技有限公司');
    expect(row.textContent).toContain('县级初审');
    expect(
      row.querySelector('[data-testid="inbox-overdue"]')?.textContent,
    ).toContain('已超期');
    expect(
      row.querySelector('[data-testid="inbox-open"]')?.getAttribute('href'),
    ).toBe('/applications/a-1');

    click(fixture, 'inbox-load-more');
    await fixture.whenStable();
    const next = http.expectOne(isInbox);
    expect(next.request.params.get('cursor')).toBe('cur-2');
    expect(next.request.params.get('view')).toBe('todo');
    next.flush({ items: [testSummary('a-2')], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(2);
  });

  it('sends the filters as query parameters, from the first page', async () => {
    http.expectOne(isInbox).flush({ items: [], nextCursor: 'cur-2' });
    await fixture.whenStable();
    typeInto(fixture, 'inbox-filter-q', ' 嘉善 ');
    byTestId(fixture, 'inbox-filter-overdue')
      .querySelector<HTMLInputElement>('input')
      ?.click();
    await fixture.whenStable();
    click(fixture, 'inbox-filter-type');
    await fixture.whenStable();
    [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')]
      .find((option) => option.textContent?.includes('创新券'))
      ?.click();
    await fixture.whenStable();
    click(fixture, 'inbox-filter-submit');
    await fixture.whenStable();
    const filtered = http.expectOne(isInbox);
    expect(filtered.request.params.get('q')).toBe('嘉善');
    expect(filtered.request.params.get('overdue')).toBe('true');
    expect(filtered.request.params.get('view')).toBe('todo');
    expect(filtered.request.params.has('cursor')).toBe(false);
    expect(filtered.request.params.get('type')).toBe('innovation_voucher');
    filtered.flush({ items: [], nextCursor: null });
  });

  it('switches to the done list, keeping the filters', async () => {
    http.expectOne(isInbox).flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    typeInto(fixture, 'inbox-filter-q', 'KJ-2026');
    click(fixture, 'inbox-tab-done');
    await fixture.whenStable();
    const done = http.expectOne(isInbox);
    expect(done.request.params.get('view')).toBe('done');
    expect(done.request.params.get('q')).toBe('KJ-2026');
    done.flush({ items: [testSummary('a-9')], nextCursor: null });
    await fixture.whenStable();
    expect(rows().map((r) => r.getAttribute('data-application-id'))).toEqual([
      'a-9',
    ]);
  });
});

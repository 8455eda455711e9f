import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import {
  ApiRoutes,
  type ApplicationSummary,
  type InboxItem,
} from '@portal/contracts';
import { currentWorkflow } from '@portal/domain';
import { SessionStore } from '@portal/web-data-access';
import { provideI18n } from '@portal/web-i18n';
import { byTestId, click, typeInto } from '@portal/web-ui/testing';
import { testStatus, testSummary } from '../shared/test-data';
import { dueBadge, INBOX_PAGE_SIZE, InboxPage } from './inbox.page';

function testItem(
  id: string,
  overrides: Partial<ApplicationSummary & InboxItem> = {},
): InboxItem {
  const summary = testSummary(id, overrides);
  return {
    ...summary,
    workflowVersion: currentWorkflow(summary.type).version,
    dueInWorkingDays: null,
    ...overrides,
  };
}

describe('InboxPage', () => {
  let fixture: ComponentFixture<InboxPage>;
  let http: HttpTestingController;
  const isInbox = (req: { url: string }) => req.url === ApiRoutes.inbox;
  const isCounts = (req: { url: string }) => req.url === ApiRoutes.inboxCounts;
  /** The tab counts and the calls the page asks for beside its list. */
  const answerSideRequests = (todo = 0, done = 0) => {
    for (const req of http.match(isCounts)) req.flush({ todo, done });
    for (const req of http.match(ApiRoutes.calls)) req.flush([]);
  };
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
    TestBed.inject(SessionStore).signIn({
      id: 'u-1',
      email: 'reviewer@example.com',
      name: '王审核',
      language: 'zh-CN',
      secondFactorEnabled: true,
      permissions: ['applications.inbox'],
      memberships: [
        {
          role: 'reviewer',
          organisationId: 'b-1',
          level: 'county',
          regionCode: '330421',
          organisationName: '嘉善县科技局',
          organisationKind: 'bureau',
        },
      ],
    });
    fixture = TestBed.createComponent(InboxPage);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('lists the to-do applications with stage, due date and a link, and pages on', async () => {
    const first = http.expectOne(isInbox);
    expect(first.request.params.keys().sort()).toEqual([
      'limit',
      'order',
      'view',
    ]);
    answerSideRequests(7, 12);
    expect(first.request.params.get('view')).toBe('todo');
    expect(first.request.params.get('limit')).toBe(String(INBOX_PAGE_SIZE));
    first.flush({
      items: [
        testItem('a-1', {
          status: testStatus({
            state: 'county_review',
            label: { 'zh-CN': '县级科技局审核中', en: 'County review' },
            stage: { 'zh-CN': '县级初审', en: 'County first review' },
            waitingForApplicant: false,
          }),
          dueAt: '2026-11-25T09:00:00.000Z',
          overdue: true,
          dueInWorkingDays: -3,
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
      row.querySelector('[data-testid="inbox-due"]')?.textContent,
    ).toContain('超期 3 个工作日');
    expect(byTestId(fixture, 'inbox-count-todo').textContent).toContain('7');
    expect(byTestId(fixture, 'inbox-count-done').textContent).toContain('12');
    expect(
      row.querySelector('[data-testid="inbox-open"]')?.getAttribute('href'),
    ).toBe('/applications/a-1');

    click(fixture, 'inbox-load-more');
    await fixture.whenStable();
    const next = http.expectOne(isInbox);
    expect(next.request.params.get('cursor')).toBe('cur-2');
    expect(next.request.params.get('view')).toBe('todo');
    next.flush({ items: [testItem('a-2')], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toHaveLength(2);
  });

  it('sends the filters as query parameters, from the first page', async () => {
    http.expectOne(isInbox).flush({ items: [], nextCursor: 'cur-2' });
    answerSideRequests();
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
    const counts = http.expectOne(isCounts);
    expect(counts.request.params.get('q')).toBe('嘉善');
    expect(counts.request.params.get('type')).toBe('innovation_voucher');
    expect(counts.request.params.has('view')).toBe(false);
    counts.flush({ todo: 0, done: 0 });
  });

  it('switches to the done list, keeping the filters', async () => {
    http.expectOne(isInbox).flush({ items: [], nextCursor: null });
    answerSideRequests();
    await fixture.whenStable();
    typeInto(fixture, 'inbox-filter-q', 'KJ-2026');
    click(fixture, 'inbox-tab-done');
    await fixture.whenStable();
    const done = http.expectOne(isInbox);
    expect(done.request.params.get('view')).toBe('done');
    expect(done.request.params.get('q')).toBe('KJ-2026');
    done.flush({ items: [testItem('a-9')], nextCursor: null });
    answerSideRequests();
    await fixture.whenStable();
    expect(rows().map((r) => r.getAttribute('data-application-id'))).toEqual([
      'a-9',
    ]);
    // What was handled is opened to read, not to handle, and is not selectable for a batch.
    expect(byTestId(fixture, 'inbox-open').textContent).toContain('查看');
    expect(rows()[0]?.querySelector('input[type="checkbox"]')).toBeNull();
  });

  it('recommends two selected cases with one comment after a confirmation, and names each outcome', async () => {
    const waiting = (id: string, version: number) =>
      testItem(id, {
        type: 'high_tech',
        version,
        status: testStatus({ state: 'county_review' }),
      });
    http.expectOne(isInbox).flush({
      items: [waiting('h-1', 4), waiting('h-2', 6)],
      nextCursor: null,
    });
    answerSideRequests(2, 0);
    await fixture.whenStable();
    for (const row of rows())
      row.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
    await fixture.whenStable();
    expect(byTestId(fixture, 'inbox-batch-count').textContent).toContain(
      '已选 2 件',
    );
    click(fixture, 'inbox-batch-action');
    await fixture.whenStable();
    [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')]
      .find((option) => option.textContent?.includes('审核推荐'))
      ?.click();
    await fixture.whenStable();
    // The action needs a comment: no batch until there is one.
    expect(byTestId(fixture, 'inbox-batch-missing').textContent).toContain(
      '须填写意见',
    );
    expect(
      byTestId<HTMLButtonElement>(fixture, 'inbox-batch-submit').disabled,
    ).toBe(true);
    typeInto(fixture, 'inbox-batch-comment', '材料齐全，同意推荐');
    await fixture.whenStable();
    click(fixture, 'inbox-batch-submit');
    await fixture.whenStable();
    expect(byTestId(fixture, 'inbox-batch-confirm-text').textContent).toContain(
      '2 件',
    );
    click(fixture, 'inbox-batch-confirm');
    const batch = http.expectOne(ApiRoutes.inboxBatchActions);
    expect(batch.request.body).toEqual({
      action: 'recommend',
      comment: '材料齐全，同意推荐',
      cases: [
        { applicationId: 'h-1', version: 4 },
        { applicationId: 'h-2', version: 6 },
      ],
    });
    expect(batch.request.headers.get('Idempotency-Key')).toMatch(
      /^[0-9a-f-]{36}$/,
    );
    batch.flush({
      succeeded: 1,
      failed: 1,
      outcomes: [
        {
          applicationId: 'h-1',
          ok: true,
          result: {
            applicationId: 'h-1',
            action: 'recommend',
            version: 5,
            status: testStatus({ state: 'city_review' }),
          },
        },
        {
          applicationId: 'h-2',
          ok: false,
          error: {
            statusCode: 409,
            code: 'VERSION_CONFLICT',
            message: 'Someone changed this application.',
          },
        },
      ],
    });
    await fixture.whenStable();
    // The list and its counts are read again.
    http
      .expectOne(isInbox)
      .flush({ items: [waiting('h-2', 7)], nextCursor: null });
    answerSideRequests(1, 1);
    await fixture.whenStable();
    const outcomes = [
      ...(fixture.nativeElement as HTMLElement).querySelectorAll(
        '[data-testid="inbox-batch-outcome"]',
      ),
    ];
    expect(outcomes.map((o) => o.getAttribute('data-ok'))).toEqual([
      'true',
      'false',
    ]);
    expect(outcomes[1]?.textContent).toContain('KJ-2026-h-2');
    expect(byTestId(fixture, 'inbox-batch-result').textContent).toContain(
      '成功 1 件',
    );
  });
});

describe('dueBadge', () => {
  const item = (days: number | null) =>
    ({ dueInWorkingDays: days }) as InboxItem;

  it('is red once overdue, amber on the last working days, plain before', () => {
    expect(dueBadge(item(null))).toBeNull();
    expect(dueBadge(item(-1))).toEqual({
      key: 'inbox.overdueByOne',
      count: 1,
      color: 'error',
    });
    expect(dueBadge(item(-4))?.key).toBe('inbox.overdueBy');
    expect(dueBadge(item(0))).toMatchObject({
      key: 'inbox.dueToday',
      color: 'warning',
    });
    expect(dueBadge(item(1))).toMatchObject({
      key: 'inbox.dayLeft',
      color: 'warning',
    });
    expect(dueBadge(item(2))?.color).toBe('warning');
    expect(dueBadge(item(5))).toMatchObject({
      key: 'inbox.daysLeft',
      color: 'default',
    });
  });
});

import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiRoutes, type NoticeView } from '@portal/contracts';
import { NoticeCounter } from '@portal/web-data-access';
import { provideI18n } from '@portal/web-i18n';
import { byTestId, click } from '@portal/web-ui/testing';
import { NOTICES_PAGE_SIZE, NoticeCentrePage } from './notice-centre.page';

function notice(id: string, overrides: Partial<NoticeView> = {}): NoticeView {
  return {
    id,
    kind: 'status_change',
    title: `申报 ${id} 已退回补正`,
    body: '请补充以下材料：\n1. 营业执照',
    link: null,
    applicationId: null,
    createdAt: '2026-03-02T02:30:00.000Z',
    readAt: null,
    ...overrides,
  };
}

describe('NoticeCentrePage', () => {
  let fixture: ComponentFixture<NoticeCentrePage>;
  let http: HttpTestingController;
  const isList = (req: { url: string }) => req.url === ApiRoutes.myNotices;
  const items = () => [
    ...(fixture.nativeElement as HTMLElement).querySelectorAll<HTMLElement>(
      '[data-testid="notice"]',
    ),
  ];
  const bold = () =>
    items()
      .filter((item) => item.classList.contains('notice--unread'))
      .map((item) => item.getAttribute('data-notice-id'));

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [NoticeCentrePage],
      providers: [
        provideI18n(),
        provideRouter([{ path: 'applications/:id', children: [] }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NoticeCentrePage);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('lists the notices, links to the application and pages on with the cursor', async () => {
    const first = http.expectOne(isList);
    expect(first.request.params.get('limit')).toBe(String(NOTICES_PAGE_SIZE));
    expect(first.request.params.get('unreadOnly')).toBe('false');
    first.flush({
      items: [
        notice('n-1', { link: '/applications/a-1', applicationId: 'a-1' }),
        notice('n-2', { readAt: '2026-03-02T03:00:00.000Z' }),
      ],
      nextCursor: 'cur-2',
      unread: 1,
    });
    await fixture.whenStable();
    expect(bold()).toEqual(['n-1']);
    expect(TestBed.inject(NoticeCounter).unread()).toBe(1);
    expect(items()[0].textContent).toContain('状态变更');
    expect(
      items()[0].querySelector('[data-testid="notice-body"]')?.textContent,
    ).toBe('请补充以下材料：\n1. 营业执照');
    expect(
      items()[0]
        .querySelector('[data-testid="notice-open"]')
        ?.getAttribute('href'),
    ).toBe('/applications/a-1');
    expect(items()[1].querySelector('[data-testid="notice-open"]')).toBeNull();

    click(fixture, 'notices-load-more');
    await fixture.whenStable();
    const next = http.expectOne(isList);
    expect(next.request.params.get('cursor')).toBe('cur-2');
    next.flush({ items: [notice('n-3')], nextCursor: null, unread: 2 });
    await fixture.whenStable();
    expect(items()).toHaveLength(3);
  });

  it('marks one notice read when its link is followed and refreshes the count', async () => {
    http.expectOne(isList).flush({
      items: [notice('n-1', { link: '/applications/a-1' })],
      nextCursor: null,
      unread: 1,
    });
    await fixture.whenStable();
    click(fixture, 'notice-open');
    const read = http.expectOne(ApiRoutes.myNoticeRead('n-1'));
    expect(read.request.method).toBe('POST');
    read.flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne(ApiRoutes.myNoticesUnread).flush({ unread: 0 });
    await fixture.whenStable();
    expect(TestBed.inject(NoticeCounter).unread()).toBe(0);
  });

  it('marks all read: calls the API, clears the bold titles and disables itself', async () => {
    http.expectOne(isList).flush({
      items: [notice('n-1'), notice('n-2')],
      nextCursor: null,
      unread: 2,
    });
    await fixture.whenStable();
    expect(bold()).toEqual(['n-1', 'n-2']);

    click(fixture, 'notices-read-all');
    const readAll = http.expectOne(ApiRoutes.myNoticesReadAll);
    expect(readAll.request.method).toBe('POST');
    readAll.flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne(ApiRoutes.myNoticesUnread).flush({ unread: 0 });
    await fixture.whenStable();

    expect(bold()).toEqual([]);
    expect(
      fixture.nativeElement.querySelector('[data-testid="notice-mark-read"]'),
    ).toBeNull();
    expect(
      byTestId<HTMLButtonElement>(fixture, 'notices-read-all').disabled,
    ).toBe(true);
  });

  it('filters to unread notices and says when there are none', async () => {
    http.expectOne(isList).flush({ items: [], nextCursor: null, unread: 0 });
    await fixture.whenStable();
    expect(byTestId(fixture, 'notices-empty').textContent).toContain(
      '暂无消息',
    );

    // The switch is named by its label, and the label works it.
    (fixture.nativeElement as HTMLElement)
      .querySelector<HTMLElement>('label[for="notices-unread-only"]')
      ?.click();
    await fixture.whenStable();
    const unread = http.expectOne(isList);
    expect(unread.request.params.get('unreadOnly')).toBe('true');
    unread.flush({ items: [], nextCursor: null, unread: 0 });
    await fixture.whenStable();
    expect(byTestId(fixture, 'notices-empty').textContent).toContain(
      '没有未读消息',
    );
  });
});

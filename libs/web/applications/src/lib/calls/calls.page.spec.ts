import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import {
  ApiRoutes,
  type CallView,
  type CompanyView,
  type VerificationStatus,
} from '@portal/contracts';
import { provideI18n } from '@portal/web-i18n';
import { byTestId } from '@portal/web-ui/testing';
import { testDetail } from '../shared/test-data';
import { CallsPage, callFiling, sortCalls } from './calls.page';

@Component({ selector: 'app-test-detail', template: 'detail' })
class TestDetail {}

function call(id: string, over: Partial<CallView> = {}): CallView {
  return {
    id,
    type: 'high_tech',
    title: `2026年度高新技术企业认定（${id}）`,
    regionCode: '330000',
    opensAt: '2026-03-01T00:00:00.000Z',
    closesAt: '2099-05-31T09:00:00.000Z',
    status: 'open',
    quotas: [],
    createdAt: '2026-02-01T00:00:00.000Z',
    workingDaysLeft: 12,
    ownApplication: null,
    ...over,
  };
}

const CALLS: CallView[] = [
  call('closed', {
    status: 'closed',
    closesAt: '2026-01-31T09:00:00.000Z',
    workingDaysLeft: null,
  }),
  call('open-later', { closesAt: '2099-06-30T09:00:00.000Z' }),
  call('upcoming', {
    type: 'innovation_voucher',
    title: '2027年科技创新券',
    status: 'upcoming',
    opensAt: '2099-01-01T00:00:00.000Z',
    workingDaysLeft: null,
  }),
  call('drafted', {
    ownApplication: { id: 'a-1', reference: 'GX-2026-0001', draft: true },
    workingDaysLeft: 2,
  }),
];

function company(verificationStatus: VerificationStatus): CompanyView {
  return {
    id: 'c-1',
    name: '嘉善安泰科技有限公司',
    creditCode: '91330421MA2B000001',
    regionCode: '330421',
    regionName: '嘉善县',
    foundedOn: null,
    contactName: '王芳',
    contactPhone: '138****0000',
    contactEmail: 'antai@example.com',
    verificationStatus,
    verificationComment: null,
    verifiedAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('CallsPage', () => {
  let fixture: ComponentFixture<CallsPage>;
  let http: HttpTestingController;
  const element = () => fixture.nativeElement as HTMLElement;
  const cards = () =>
    [
      ...element().querySelectorAll<HTMLElement>('[data-testid="call-card"]'),
    ].map((card) => ({
      id: card.dataset['callId'],
      text: card.textContent ?? '',
      card,
    }));

  async function open(status: VerificationStatus): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [CallsPage],
      providers: [
        provideI18n(),
        provideRouter([{ path: 'applications/:id', component: TestDetail }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CallsPage);
    await fixture.whenStable();
    http.expectOne(ApiRoutes.myCompany).flush(company(status));
    http.expectOne(ApiRoutes.calls).flush(CALLS);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('lists open calls first by deadline, then upcoming, then closed, with the programme, window and working days left', async () => {
    await open('verified');
    expect(cards().map((c) => c.id)).toEqual([
      'drafted',
      'open-later',
      'upcoming',
      'closed',
    ]);
    const [drafted, later, upcoming, closed] = cards();
    expect(later.text).toContain('高新技术企业');
    expect(later.text).toContain('2026年度高新技术企业认定（open-later）');
    expect(later.text).toContain('正在受理');
    expect(later.text).toContain('剩余 12 个工作日');
    expect(drafted.text).toContain('剩余 2 个工作日');
    expect(upcoming.text).toContain('即将开放');
    expect(upcoming.text).toContain('开始受理');
    // An upcoming call already says when it will close.
    expect(upcoming.text).toContain('2099年5月31日');
    expect(closed.text).toContain('已截止');
    expect(element().textContent).toContain('剩余天数按工作日计算');
  });

  it('offers a verified company "start filing" in open calls only, and its draft where it has one', async () => {
    await open('verified');
    const [drafted, later, upcoming, closed] = cards();
    expect(
      later.card.querySelector('[data-testid="call-start"]'),
    ).not.toBeNull();
    expect(
      upcoming.card.querySelector('[data-testid="call-start"]'),
    ).toBeNull();
    expect(closed.card.querySelector('[data-testid="call-start"]')).toBeNull();
    expect(drafted.card.querySelector('[data-testid="call-start"]')).toBeNull();
    const draftLink = drafted.card.querySelector<HTMLAnchorElement>(
      '[data-testid="call-continue"]',
    );
    expect(draftLink?.getAttribute('href')).toBe('/applications/a-1');
    expect(drafted.text).toContain('GX-2026-0001');
    expect(
      element().querySelector('[data-testid="calls-verifying"]'),
    ).toBeNull();
  });

  it('starts the draft in the call and opens it', async () => {
    await open('verified');
    const later = cards()[1];
    later.card
      .querySelector<HTMLButtonElement>('[data-testid="call-start"]')
      ?.click();
    await fixture.whenStable();
    const post = http.expectOne(ApiRoutes.applications);
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ callId: 'open-later' });
    post.flush(testDetail({ id: 'a-9' }));
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/applications/a-9');
  });

  it('tells a company pending verification plainly that the county is verifying it, and offers no filing', async () => {
    await open('pending');
    expect(byTestId(fixture, 'calls-verifying').textContent).toContain(
      '县科技局正在核验本企业信息',
    );
    expect(element().querySelector('[data-testid="call-start"]')).toBeNull();
    expect(
      cards()[1].card.querySelector('[data-testid="call-verifying"]'),
    ).not.toBeNull();
  });

  it('filters by window', async () => {
    await open('verified');
    expect(byTestId(fixture, 'calls-filter-open').textContent).toContain('(2)');
    byTestId(fixture, 'calls-filter-closed').click();
    await fixture.whenStable();
    expect(cards().map((c) => c.id)).toEqual(['closed']);
  });

  it('decides the filing from the call, the own case and the verification', () => {
    const [closed, open, upcoming, drafted] = CALLS;
    expect(callFiling(open, 'verified')).toBe('start');
    expect(callFiling(open, 'pending')).toBe('verifying');
    expect(callFiling(open, 'rejected')).toBe('unverified');
    expect(callFiling(open, null)).toBe('unknown');
    expect(callFiling(upcoming, 'verified')).toBe('upcoming');
    expect(callFiling(closed, 'verified')).toBe('closed');
    expect(callFiling(drafted, 'pending')).toBe('continue');
    expect(
      callFiling(
        call('x', {
          ownApplication: { id: 'a', reference: 'r', draft: false },
          status: 'closed',
        }),
        'verified',
      ),
    ).toBe('view');
    expect(sortCalls(CALLS).map((c) => c.id)).toEqual([
      'drafted',
      'open-later',
      'upcoming',
      'closed',
    ]);
  });
});

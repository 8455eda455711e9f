import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApiRoutes, IDEMPOTENCY_HEADER } from '@portal/contracts';
import { ApplicationsApi } from './applications.api';

describe('ApplicationsApi', () => {
  let api: ApplicationsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    api = TestBed.inject(ApplicationsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('pages the own applications by cursor', () => {
    api.mine().subscribe();
    const first = http.expectOne((req) => req.url === ApiRoutes.applications);
    expect(first.request.params.has('cursor')).toBe(false);
    first.flush({ items: [], nextCursor: 'c2' });
    api.mine('c2').subscribe();
    const next = http.expectOne((req) => req.url === ApiRoutes.applications);
    expect(next.request.params.get('cursor')).toBe('c2');
    next.flush({ items: [], nextCursor: null });
  });

  it("sends the own list's filters, leaving out the empty ones", () => {
    api
      .mine('c3', { type: 'high_tech', phase: 'with_you', year: 2026, q: '' })
      .subscribe();
    const req = http.expectOne((r) => r.url === ApiRoutes.applications);
    expect(
      Object.fromEntries(
        req.request.params.keys().map((k) => [k, req.request.params.get(k)]),
      ),
    ).toEqual({
      type: 'high_tech',
      phase: 'with_you',
      year: '2026',
      cursor: 'c3',
    });
    req.flush({ items: [], nextCursor: null });
  });

  it('sends an action with the Idempotency-Key header and the form with PATCH', () => {
    api.act('a-1', { action: 'submit', version: 2 }, 'key-1').subscribe();
    const act = http.expectOne(ApiRoutes.applicationActions('a-1'));
    expect(act.request.headers.get(IDEMPOTENCY_HEADER)).toBe('key-1');
    expect(act.request.body).toEqual({ action: 'submit', version: 2 });
    act.flush({});

    api.saveForm('a-1', { version: 2, form: { termMonths: 12 } }).subscribe();
    const save = http.expectOne(ApiRoutes.applicationForm('a-1'));
    expect(save.request.method).toBe('PATCH');
    save.flush({});
  });

  it('reads partners, the expert panel and notices, and sends scores and objections', () => {
    api.partners('banks').subscribe();
    http.expectOne(ApiRoutes.partners('banks')).flush([]);

    api.experts('a-1').subscribe();
    http
      .expectOne(ApiRoutes.applicationExperts('a-1'))
      .flush({ experts: [], aggregate: null });

    api.drawExperts('a-1').subscribe();
    const draw = http.expectOne(ApiRoutes.applicationExpertDraw('a-1'));
    expect(draw.request.method).toBe('POST');
    draw.flush({ experts: [], aggregate: null });

    const score = {
      ip: 20,
      transformation: 20,
      rd_management: 15,
      growth: 15,
      standard_bonus: 0,
    };
    api.score('a-1', { score, opinion: '良好' }).subscribe();
    const put = http.expectOne(ApiRoutes.applicationScore('a-1'));
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ score, opinion: '良好' });
    put.flush({ experts: [], aggregate: null });

    api.publicNotices().subscribe();
    http.expectOne(ApiRoutes.publicNotices).flush([]);

    api.myObjections().subscribe();
    expect(http.expectOne(ApiRoutes.myObjections).request.method).toBe('GET');

    api
      .object('a-1', { realName: '王芳', reasons: '申报数据与实际不符。' })
      .subscribe();
    const objection = http.expectOne(ApiRoutes.noticeObjections('a-1'));
    expect(objection.request.method).toBe('POST');
    objection.flush(null);
  });
});

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

  it('sends only the inbox filters that are set', () => {
    api.inbox({ view: 'todo' }).subscribe();
    const plain = http.expectOne((req) => req.url === ApiRoutes.inbox);
    expect(plain.request.params.keys()).toEqual(['view']);
    plain.flush({ items: [], nextCursor: null });

    api
      .inbox({
        view: 'done',
        type: 'high_tech',
        state: 'county_review',
        callId: 'call-1',
        regionCode: '330421',
        overdue: true,
        q: '嘉善',
        cursor: 'cur-2',
        limit: 20,
      })
      .subscribe();
    const full = http.expectOne((req) => req.url === ApiRoutes.inbox);
    expect(
      Object.fromEntries(
        full.request.params.keys().map((k) => [k, full.request.params.get(k)]),
      ),
    ).toEqual({
      view: 'done',
      type: 'high_tech',
      state: 'county_review',
      callId: 'call-1',
      regionCode: '330421',
      overdue: 'true',
      q: '嘉善',
      cursor: 'cur-2',
      limit: '20',
    });
    full.flush({ items: [], nextCursor: null });
  });

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
});

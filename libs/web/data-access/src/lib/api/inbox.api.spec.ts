import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApiRoutes, IDEMPOTENCY_HEADER } from '@portal/contracts';
import { InboxApi } from './inbox.api';

describe('InboxApi', () => {
  let api: InboxApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    api = TestBed.inject(InboxApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('sends only the inbox filters that are set', () => {
    api.page({ view: 'todo' }).subscribe();
    const plain = http.expectOne((req) => req.url === ApiRoutes.inbox);
    expect(plain.request.params.keys()).toEqual(['view']);
    plain.flush({ items: [], nextCursor: null });

    api
      .page({
        view: 'done',
        type: 'high_tech',
        state: 'county_review',
        callId: 'call-1',
        regionCode: '330421',
        overdue: true,
        q: '嘉善',
        cursor: 'cur-2',
        limit: 20,
        order: 'oldest',
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
      order: 'oldest',
    });
    full.flush({ items: [], nextCursor: null });
  });

  it('counts the tabs under the filters only, without view, order or cursor', () => {
    api.counts({ type: 'high_tech', overdue: true }).subscribe();
    const counts = http.expectOne((req) => req.url === ApiRoutes.inboxCounts);
    expect(counts.request.params.keys().sort()).toEqual(['overdue', 'type']);
    counts.flush({ todo: 1, done: 2 });
  });

  it('sends a batch with its idempotency key', () => {
    api
      .batchAction(
        {
          action: 'recommend',
          comment: '同意',
          cases: [{ applicationId: 'a', version: 2 }],
        },
        'key-1',
      )
      .subscribe();
    const batch = http.expectOne(ApiRoutes.inboxBatchActions);
    expect(batch.request.method).toBe('POST');
    expect(batch.request.headers.get(IDEMPOTENCY_HEADER)).toBe('key-1');
    batch.flush({ succeeded: 1, failed: 0, outcomes: [] });
  });
});

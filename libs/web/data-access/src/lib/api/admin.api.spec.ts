import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApiRoutes } from '@portal/contracts';
import { AdminApi } from './admin.api';

describe('AdminApi mail deliveries', () => {
  let api: AdminApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    api = TestBed.inject(AdminApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists deliveries with only the filters that are set', () => {
    api.mailDeliveries({}).subscribe();
    const plain = http.expectOne((req) => req.url === ApiRoutes.mailDeliveries);
    expect(plain.request.params.keys()).toEqual([]);
    plain.flush({ items: [], nextCursor: null });

    api
      .mailDeliveries({ status: 'failed', cursor: 'd-2', limit: 50 })
      .subscribe();
    const filtered = http.expectOne(
      (req) => req.url === ApiRoutes.mailDeliveries,
    );
    expect(filtered.request.params.get('status')).toBe('failed');
    expect(filtered.request.params.get('cursor')).toBe('d-2');
    expect(filtered.request.params.get('limit')).toBe('50');
    filtered.flush({ items: [], nextCursor: null });
  });

  it('reads the stats and retries a delivery with POST', () => {
    let p95: number | null | undefined;
    api
      .mailDeliveryStats()
      .subscribe((stats) => (p95 = stats.commitToAcceptMs.p95));
    const stats = http.expectOne(ApiRoutes.mailDeliveryStats);
    expect(stats.request.method).toBe('GET');
    stats.flush({ commitToAcceptMs: { p50: 80, p95: 240, max: 900 } });
    expect(p95).toBe(240);

    api.retryMailDelivery('d-1').subscribe();
    const retry = http.expectOne(ApiRoutes.mailDeliveryRetry('d-1'));
    expect(retry.request.method).toBe('POST');
    retry.flush(null, { status: 204, statusText: 'No Content' });
  });
});

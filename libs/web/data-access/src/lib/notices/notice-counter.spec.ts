import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApiRoutes } from '@portal/contracts';
import { NoticeCounter } from './notice-counter';

describe('NoticeCounter', () => {
  let counter: NoticeCounter;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    counter = TestBed.inject(NoticeCounter);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('keeps the last count when a refresh fails', () => {
    counter.refresh();
    http.expectOne(ApiRoutes.myNoticesUnread).flush({ unread: 5 });
    expect(counter.unread()).toBe(5);
    counter.refresh();
    http
      .expectOne(ApiRoutes.myNoticesUnread)
      .flush(null, { status: 503, statusText: 'Unavailable' });
    expect(counter.unread()).toBe(5);
  });

  it('asks for the count again right after notices are marked read', () => {
    counter.set(2);
    counter.markRead('n-1').subscribe();
    http
      .expectOne(ApiRoutes.myNoticeRead('n-1'))
      .flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne(ApiRoutes.myNoticesUnread).flush({ unread: 1 });
    expect(counter.unread()).toBe(1);

    counter.markAllRead().subscribe();
    http
      .expectOne(ApiRoutes.myNoticesReadAll)
      .flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne(ApiRoutes.myNoticesUnread).flush({ unread: 0 });
    expect(counter.unread()).toBe(0);
  });
});

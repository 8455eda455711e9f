import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ApiRoutes, type NotificationPreferencesView } from '@portal/contracts';
import { NotificationsApi } from './notifications.api';

const preferences: NotificationPreferencesView = {
  statusChangeEmail: true,
  reminderEmail: false,
  dailyDigest: false,
  digestAvailable: true,
  digestTime: '08:00',
};

describe('NotificationsApi', () => {
  let api: NotificationsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    api = TestBed.inject(NotificationsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('pages the notices by cursor and sends the unread filter only when set', () => {
    api.notices().subscribe();
    const first = http.expectOne((req) => req.url === ApiRoutes.myNotices);
    expect(first.request.method).toBe('GET');
    expect(first.request.params.keys()).toEqual([]);
    first.flush({ items: [], nextCursor: 'n-2', unread: 3 });

    api.notices({ cursor: 'n-2', limit: 20, unreadOnly: true }).subscribe();
    const next = http.expectOne((req) => req.url === ApiRoutes.myNotices);
    expect(
      Object.fromEntries(
        next.request.params.keys().map((k) => [k, next.request.params.get(k)]),
      ),
    ).toEqual({ cursor: 'n-2', limit: '20', unreadOnly: 'true' });
    next.flush({ items: [], nextCursor: null, unread: 3 });

    api.notices({ unreadOnly: false }).subscribe();
    const all = http.expectOne((req) => req.url === ApiRoutes.myNotices);
    expect(all.request.params.get('unreadOnly')).toBe('false');
    all.flush({ items: [], nextCursor: null, unread: 0 });
  });

  it('reads the unread count and marks one or all notices read with POST', () => {
    let unread: number | undefined;
    api.unreadCount().subscribe((answer) => (unread = answer.unread));
    http.expectOne(ApiRoutes.myNoticesUnread).flush({ unread: 4 });
    expect(unread).toBe(4);

    api.markRead('n 1').subscribe();
    const one = http.expectOne('/api/me/notices/n%201/read');
    expect(one.request.method).toBe('POST');
    one.flush(null, { status: 204, statusText: 'No Content' });

    api.markAllRead().subscribe();
    const all = http.expectOne(ApiRoutes.myNoticesReadAll);
    expect(all.request.method).toBe('POST');
    all.flush(null, { status: 204, statusText: 'No Content' });
  });

  it('reads the preferences and saves changes with PUT', () => {
    api.preferences().subscribe();
    const get = http.expectOne(ApiRoutes.myNotificationPreferences);
    expect(get.request.method).toBe('GET');
    get.flush(preferences);

    let saved: NotificationPreferencesView | undefined;
    api
      .updatePreferences({ reminderEmail: true, dailyDigest: true })
      .subscribe((answer) => (saved = answer));
    const put = http.expectOne(ApiRoutes.myNotificationPreferences);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      reminderEmail: true,
      dailyDigest: true,
    });
    put.flush({ ...preferences, reminderEmail: true, dailyDigest: true });
    expect(saved?.dailyDigest).toBe(true);
  });
});

import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  type NoticePage,
  type NoticeQuery,
  type NotificationPreferencesView,
  type UnreadNotices,
  type UpdateNotificationPreferencesRequest,
} from '@portal/contracts';
import type { Observable } from 'rxjs';

/** The user's in-portal notices (the bell) and e-mail preferences. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  /** Newest first; pass the last `nextCursor` for the next page. */
  notices(query: NoticeQuery = {}): Observable<NoticePage> {
    let params = new HttpParams();
    if (query.cursor) params = params.set('cursor', query.cursor);
    if (query.limit) params = params.set('limit', query.limit);
    if (query.unreadOnly !== undefined) {
      params = params.set('unreadOnly', String(query.unreadOnly));
    }
    return this.http.get<NoticePage>(ApiRoutes.myNotices, { params });
  }

  unreadCount(): Observable<UnreadNotices> {
    return this.http.get<UnreadNotices>(ApiRoutes.myNoticesUnread);
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(ApiRoutes.myNoticeRead(id), null);
  }

  markAllRead(): Observable<void> {
    return this.http.post<void>(ApiRoutes.myNoticesReadAll, null);
  }

  preferences(): Observable<NotificationPreferencesView> {
    return this.http.get<NotificationPreferencesView>(
      ApiRoutes.myNotificationPreferences,
    );
  }

  /** Only the fields given change; answers the preferences as now stored. */
  updatePreferences(
    request: UpdateNotificationPreferencesRequest,
  ): Observable<NotificationPreferencesView> {
    return this.http.put<NotificationPreferencesView>(
      ApiRoutes.myNotificationPreferences,
      request,
    );
  }
}

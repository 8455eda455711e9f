import { Injectable, inject, signal } from '@angular/core';
import { type Observable, type Subscription, tap } from 'rxjs';
import { NotificationsApi } from '../api/notifications.api';

/** The notice centre's page, where the bell leads. */
export const NOTICE_CENTRE_PATH = '/my-notices';

/**
 * The number of unread notices the header's bell shows, shared with the notice centre. Marking
 * notices read goes through here so the bell follows at once.
 */
@Injectable({ providedIn: 'root' })
export class NoticeCounter {
  private readonly api = inject(NotificationsApi);
  private readonly count = signal(0);
  private pending: Subscription | null = null;

  readonly unread = this.count.asReadonly();

  /** Asks the API again; a failed call keeps the last count (the bell is not worth an error). */
  refresh(): void {
    this.pending?.unsubscribe();
    this.pending = this.api.unreadCount().subscribe({
      next: ({ unread }) => this.count.set(unread),
      error: () => undefined,
    });
  }

  /** A count the API has just answered along with something else (a page of notices). */
  set(unread: number): void {
    this.count.set(unread);
  }

  /** Forgets the count, e.g. when the user logs out. */
  clear(): void {
    this.pending?.unsubscribe();
    this.pending = null;
    this.count.set(0);
  }

  markRead(id: string): Observable<void> {
    return this.api.markRead(id).pipe(tap(() => this.refresh()));
  }

  markAllRead(): Observable<void> {
    return this.api.markAllRead().pipe(tap(() => this.refresh()));
  }
}

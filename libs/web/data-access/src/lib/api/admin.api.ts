import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  type AuditEntryView,
  type MailDeliveryPage,
  type MailDeliveryQuery,
  type MailDeliveryStats,
  type OutboxMailView,
  type Page,
} from '@portal/contracts';
import type { Observable } from 'rxjs';

export interface AuditLogQuery {
  readonly cursor?: string;
  readonly limit?: number;
  readonly action?: string;
}

/** Endpoints of the auditor and the system administrator. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  auditLog(query: AuditLogQuery): Observable<Page<AuditEntryView>> {
    let params = new HttpParams();
    if (query.cursor) params = params.set('cursor', query.cursor);
    if (query.limit) params = params.set('limit', query.limit);
    if (query.action) params = params.set('action', query.action);
    return this.http.get<Page<AuditEntryView>>(ApiRoutes.auditLog, { params });
  }

  mailOutbox(): Observable<OutboxMailView[]> {
    return this.http.get<OutboxMailView[]>(ApiRoutes.mailOutbox);
  }

  /** Recorded e-mails, newest first; only the filters given are sent. */
  mailDeliveries(query: MailDeliveryQuery): Observable<MailDeliveryPage> {
    let params = new HttpParams();
    if (query.status) params = params.set('status', query.status);
    if (query.cursor) params = params.set('cursor', query.cursor);
    if (query.limit) params = params.set('limit', query.limit);
    return this.http.get<MailDeliveryPage>(ApiRoutes.mailDeliveries, {
      params,
    });
  }

  mailDeliveryStats(): Observable<MailDeliveryStats> {
    return this.http.get<MailDeliveryStats>(ApiRoutes.mailDeliveryStats);
  }

  /** Queues a `failed` e-mail again (needs mail.outbox.manage). */
  retryMailDelivery(id: string): Observable<void> {
    return this.http.post<void>(ApiRoutes.mailDeliveryRetry(id), null);
  }
}

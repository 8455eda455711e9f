import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  type AuditEntryView,
  type AuditResult,
  type ChainVerification,
  type MailDeliveryPage,
  type MailDeliveryQuery,
  type MailDeliveryStats,
  type OutboxMailView,
  type Page,
} from '@portal/contracts';
import type { Observable } from 'rxjs';

/** The auditor's search: each field given narrows the log (see the API's AuditLogFilterDto). */
export interface AuditLogFilter {
  readonly q?: string;
  readonly actor?: string;
  readonly action?: string;
  readonly objectType?: string;
  readonly objectId?: string;
  readonly result?: AuditResult;
  /** ISO 8601 instants: from inclusive, to exclusive. */
  readonly from?: string;
  readonly to?: string;
}

export interface AuditLogQuery extends AuditLogFilter {
  readonly cursor?: string;
  readonly limit?: number;
}

function auditParams(query: AuditLogQuery): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '')
      params = params.set(key, String(value));
  return params;
}

/** Endpoints of the auditor and the system administrator. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  auditLog(query: AuditLogQuery): Observable<Page<AuditEntryView>> {
    return this.http.get<Page<AuditEntryView>>(ApiRoutes.auditLog, {
      params: auditParams(query),
    });
  }

  /** The link that downloads the filtered log as CSV (a plain navigation: the browser streams it). */
  auditLogCsvUrl(filter: AuditLogFilter, language: 'zh-CN' | 'en'): string {
    const params = auditParams({ ...filter }).set('lang', language);
    return `${ApiRoutes.auditLogCsv}?${params.toString()}`;
  }

  /** Recomputes every application's event hash chain and reports the first broken link. */
  verifyEventChain(): Observable<ChainVerification> {
    return this.http.get<ChainVerification>(ApiRoutes.eventChain);
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

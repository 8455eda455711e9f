import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  type AuditEntryView,
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
}

import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  type BatchActionRequest,
  type BatchActionResult,
  IDEMPOTENCY_HEADER,
  type InboxCounts,
  type InboxCountsQuery,
  type InboxItem,
  type InboxQuery,
  type Page,
} from '@portal/contracts';
import type { Observable } from 'rxjs';

/** The staff's desk: the inbox's pages and tab counts, and one action taken on several cases. */
@Injectable({ providedIn: 'root' })
export class InboxApi {
  private readonly http = inject(HttpClient);

  /** A page of a tab; only the filters given are sent. */
  page(query: InboxQuery): Observable<Page<InboxItem>> {
    let params = filterParams(query);
    if (query.view) params = params.set('view', query.view);
    if (query.order) params = params.set('order', query.order);
    if (query.cursor) params = params.set('cursor', query.cursor);
    if (query.limit) params = params.set('limit', query.limit);
    return this.http.get<Page<InboxItem>>(ApiRoutes.inbox, { params });
  }

  /** How many cases each tab holds under the filters. */
  counts(query: InboxCountsQuery): Observable<InboxCounts> {
    return this.http.get<InboxCounts>(ApiRoutes.inboxCounts, {
      params: filterParams(query),
    });
  }

  /** One action with one comment on several cases; a repeat with the same key changes nothing. */
  batchAction(
    request: BatchActionRequest,
    idempotencyKey: string,
  ): Observable<BatchActionResult> {
    return this.http.post<BatchActionResult>(
      ApiRoutes.inboxBatchActions,
      request,
      { headers: new HttpHeaders({ [IDEMPOTENCY_HEADER]: idempotencyKey }) },
    );
  }
}

function filterParams(query: InboxCountsQuery): HttpParams {
  let params = new HttpParams();
  if (query.type) params = params.set('type', query.type);
  if (query.state) params = params.set('state', query.state);
  if (query.callId) params = params.set('callId', query.callId);
  if (query.regionCode) params = params.set('regionCode', query.regionCode);
  if (query.overdue) params = params.set('overdue', 'true');
  if (query.q) params = params.set('q', query.q);
  return params;
}

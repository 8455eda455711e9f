import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  type AwaitingSettlementView,
  type CreateSettlementRequest,
  type SettlementSummaryView,
  type SettlementView,
} from '@portal/contracts';
import type { Observable } from 'rxjs';

/** A city's monthly voucher settlements: what a month pays, what was paid, and recording one. */
@Injectable({ providedIn: 'root' })
export class SettlementsApi {
  private readonly http = inject(HttpClient);

  awaiting(
    cityCode: string,
    month: string,
  ): Observable<AwaitingSettlementView> {
    return this.http.get<AwaitingSettlementView>(
      ApiRoutes.voucherSettlementsAwaiting,
      {
        params: new HttpParams().set('cityCode', cityCode).set('month', month),
      },
    );
  }

  list(cityCode: string): Observable<SettlementSummaryView[]> {
    return this.http.get<SettlementSummaryView[]>(
      ApiRoutes.voucherSettlements,
      {
        params: new HttpParams().set('cityCode', cityCode),
      },
    );
  }

  get(id: string): Observable<SettlementView> {
    return this.http.get<SettlementView>(ApiRoutes.voucherSettlement(id));
  }

  record(request: CreateSettlementRequest): Observable<SettlementView> {
    return this.http.post<SettlementView>(
      ApiRoutes.voucherSettlements,
      request,
    );
  }
}

import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  type CalendarOverrideRequest,
  type CalendarOverrideView,
  type CalendarYearView,
  type CallView,
  type CreateCallRequest,
  type ManagedCallView,
  type UpdateCallRequest,
  type YearlyTargetRequest,
  type YearlyTargetView,
} from '@portal/contracts';
import type { Observable } from 'rxjs';

/** A bureau's administration: its calls, its yearly targets, and the platform's holiday calendar. */
@Injectable({ providedIn: 'root' })
export class BureauAdminApi {
  private readonly http = inject(HttpClient);

  managedCalls(): Observable<ManagedCallView[]> {
    return this.http.get<ManagedCallView[]>(ApiRoutes.managedCalls);
  }

  createCall(request: CreateCallRequest): Observable<CallView> {
    return this.http.post<CallView>(ApiRoutes.calls, request);
  }

  updateCall(
    id: string,
    request: UpdateCallRequest,
  ): Observable<ManagedCallView> {
    return this.http.patch<ManagedCallView>(ApiRoutes.call(id), request);
  }

  openCall(id: string): Observable<ManagedCallView> {
    return this.http.post<ManagedCallView>(ApiRoutes.callOpen(id), null);
  }

  closeCall(id: string): Observable<ManagedCallView> {
    return this.http.post<ManagedCallView>(ApiRoutes.callClose(id), null);
  }

  targets(year: number): Observable<YearlyTargetView[]> {
    return this.http.get<YearlyTargetView[]>(ApiRoutes.yearlyTargets, {
      params: new HttpParams().set('year', year),
    });
  }

  setTargets(
    year: number,
    region: string,
    request: YearlyTargetRequest,
  ): Observable<YearlyTargetView> {
    return this.http.put<YearlyTargetView>(ApiRoutes.yearlyTargets, request, {
      params: new HttpParams().set('year', year).set('region', region),
    });
  }

  calendarYear(year: number): Observable<CalendarYearView> {
    return this.http.get<CalendarYearView>(ApiRoutes.calendarYear(year));
  }

  setCalendarOverride(
    date: string,
    request: CalendarOverrideRequest,
  ): Observable<CalendarOverrideView> {
    return this.http.put<CalendarOverrideView>(
      ApiRoutes.calendarOverride(date),
      request,
    );
  }

  removeCalendarOverride(date: string): Observable<void> {
    return this.http.delete<void>(ApiRoutes.calendarOverride(date));
  }
}

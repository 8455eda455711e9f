import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  type InviteStaffRequest,
  type Page,
  type RegionView,
  type StaffInvitationCreated,
  type StaffMemberView,
  type StaffOrganisationView,
  type StaffRole,
} from '@portal/contracts';
import type { Observable } from 'rxjs';

export interface StaffListQuery {
  readonly role?: StaffRole;
  readonly regionCode?: string;
  readonly active?: boolean;
  readonly q?: string;
  readonly cursor?: string;
  readonly limit?: number;
}

/** A bureau administrator's staff: invite, list, deactivate, reactivate, reset a second factor. */
@Injectable({ providedIn: 'root' })
export class StaffApi {
  private readonly http = inject(HttpClient);

  list(query: StaffListQuery): Observable<Page<StaffMemberView>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && value !== '')
        params = params.set(key, String(value));
    return this.http.get<Page<StaffMemberView>>(ApiRoutes.staff, { params });
  }

  /** Every region, provinces and cities included. */
  regions(): Observable<RegionView[]> {
    return this.http.get<RegionView[]>(ApiRoutes.regions, {
      params: { levels: 'all' },
    });
  }

  /** Banks, providers or companies of the admin's region whose name contains `q`. */
  organisations(
    kind: StaffOrganisationView['kind'],
    q = '',
  ): Observable<StaffOrganisationView[]> {
    let params = new HttpParams().set('kind', kind);
    if (q) params = params.set('q', q);
    return this.http.get<StaffOrganisationView[]>(
      ApiRoutes.staffOrganisations,
      { params },
    );
  }

  invite(request: InviteStaffRequest): Observable<StaffInvitationCreated> {
    return this.http.post<StaffInvitationCreated>(
      ApiRoutes.staffInvitations,
      request,
    );
  }

  deactivate(userId: string, reason: string): Observable<StaffMemberView> {
    return this.http.post<StaffMemberView>(ApiRoutes.staffDeactivate(userId), {
      ...(reason ? { reason } : {}),
    });
  }

  reactivate(userId: string): Observable<StaffMemberView> {
    return this.http.post<StaffMemberView>(
      ApiRoutes.staffReactivate(userId),
      {},
    );
  }

  resetSecondFactor(
    userId: string,
    reason: string,
  ): Observable<StaffMemberView> {
    return this.http.post<StaffMemberView>(
      ApiRoutes.staffResetSecondFactor(userId),
      { reason },
    );
  }
}

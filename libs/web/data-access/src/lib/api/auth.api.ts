import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type AcceptInvitationRequest,
  ApiRoutes,
  type InvitationView,
  type LoginRequest,
  type LoginResponse,
  type Me,
  type RegionView,
  type RegisterRequest,
  type SecondFactorEnrolment,
  type SecondFactorRequest,
} from '@portal/contracts';
import type { Observable } from 'rxjs';

/** Identity endpoints: session, registration, invitations, second factor. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  me(): Observable<Me> {
    return this.http.get<Me>(ApiRoutes.me);
  }

  login(request: LoginRequest): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(ApiRoutes.login, request);
  }

  loginSecondFactor(request: SecondFactorRequest): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(ApiRoutes.loginSecondFactor, request);
  }

  logout(): Observable<void> {
    return this.http.post<void>(ApiRoutes.logout, null);
  }

  register(request: RegisterRequest): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(ApiRoutes.register, request);
  }

  regions(): Observable<RegionView[]> {
    return this.http.get<RegionView[]>(ApiRoutes.regions);
  }

  invitation(token: string): Observable<InvitationView> {
    return this.http.get<InvitationView>(ApiRoutes.invitation(token));
  }

  acceptInvitation(
    request: AcceptInvitationRequest,
  ): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(ApiRoutes.invitationAccept, request);
  }

  enrolSecondFactor(): Observable<SecondFactorEnrolment> {
    return this.http.post<SecondFactorEnrolment>(
      ApiRoutes.secondFactorEnrol,
      null,
    );
  }

  confirmSecondFactor(request: SecondFactorRequest): Observable<void> {
    return this.http.post<void>(ApiRoutes.secondFactorConfirm, request);
  }
}

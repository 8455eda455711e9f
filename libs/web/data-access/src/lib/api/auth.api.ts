import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type AcceptInvitationRequest,
  ApiRoutes,
  type ChangePasswordRequest,
  type CompletePasswordResetRequest,
  type InvitationView,
  type LoginRequest,
  type LoginResponse,
  type Me,
  type PasswordResetRequest,
  type PasswordResetRequested,
  type RegionView,
  type RegisterRequest,
  type RegisterResponse,
  type SecondFactorEnrolment,
  type SecondFactorRequest,
  type StartEnrolmentRequest,
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

  /** The same answer whether or not the address has an account: log in next. */
  register(request: RegisterRequest): Observable<RegisterResponse> {
    return this.http.post<RegisterResponse>(ApiRoutes.register, request);
  }

  regions(): Observable<RegionView[]> {
    return this.http.get<RegionView[]>(ApiRoutes.regions);
  }

  /** Every region, the province and its cities included (staff work above the county). */
  allRegions(): Observable<RegionView[]> {
    return this.http.get<RegionView[]>(ApiRoutes.regions, {
      params: { levels: 'all' },
    });
  }

  /** The token goes in the body, never in a URL (access logs keep URLs). */
  invitation(token: string): Observable<InvitationView> {
    return this.http.post<InvitationView>(ApiRoutes.invitation, { token });
  }

  acceptInvitation(
    request: AcceptInvitationRequest,
  ): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(ApiRoutes.invitationAccept, request);
  }

  /** With a factor active, `proof` carries its current code or the password. */
  enrolSecondFactor(
    proof: StartEnrolmentRequest = {},
  ): Observable<SecondFactorEnrolment> {
    return this.http.post<SecondFactorEnrolment>(
      ApiRoutes.secondFactorEnrol,
      proof,
    );
  }

  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>(ApiRoutes.passwordChange, request);
  }

  requestPasswordReset(
    request: PasswordResetRequest,
  ): Observable<PasswordResetRequested> {
    return this.http.post<PasswordResetRequested>(
      ApiRoutes.passwordResetRequest,
      request,
    );
  }

  completePasswordReset(
    request: CompletePasswordResetRequest,
  ): Observable<void> {
    return this.http.post<void>(ApiRoutes.passwordReset, request);
  }

  confirmSecondFactor(request: SecondFactorRequest): Observable<void> {
    return this.http.post<void>(ApiRoutes.secondFactorConfirm, request);
  }
}

import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  type CompanyListQuery,
  type CompanyView,
  type CompanyYearFiguresInput,
  type CompanyYearFiguresView,
  type HighTechSelfCheckRequest,
  type InvitationCreated,
  type ChangeMemberRoleRequest,
  type InviteMemberRequest,
  type MemberView,
  type Page,
  type UpdateCompanyContactRequest,
  type VerificationDecisionRequest,
} from '@portal/contracts';
import type {
  HighTechSelfCheck,
  HighTechSelfCheckPrefill,
} from '@portal/domain';
import type { Observable } from 'rxjs';

/** Company endpoints: the enterprise's own company, and the reviewers' regional view. */
@Injectable({ providedIn: 'root' })
export class CompanyApi {
  private readonly http = inject(HttpClient);

  mine(): Observable<CompanyView> {
    return this.http.get<CompanyView>(ApiRoutes.myCompany);
  }

  /** The contact person, phone and e-mail (enterprise admins). */
  updateContact(request: UpdateCompanyContactRequest): Observable<CompanyView> {
    return this.http.put<CompanyView>(ApiRoutes.myCompanyContact, request);
  }

  members(): Observable<MemberView[]> {
    return this.http.get<MemberView[]>(ApiRoutes.myCompanyMembers);
  }

  /** Removes a member (enterprise admins); answers the members left. */
  removeMember(userId: string): Observable<MemberView[]> {
    return this.http.delete<MemberView[]>(ApiRoutes.myCompanyMember(userId));
  }

  /** Gives a member another role (enterprise admins); answers the members. */
  changeMemberRole(
    userId: string,
    request: ChangeMemberRoleRequest,
  ): Observable<MemberView[]> {
    return this.http.put<MemberView[]>(
      ApiRoutes.myCompanyMemberRole(userId),
      request,
    );
  }

  invite(request: InviteMemberRequest): Observable<InvitationCreated> {
    return this.http.post<InvitationCreated>(
      ApiRoutes.myCompanyInvitations,
      request,
    );
  }

  /** The company's yearly figures, newest year first. */
  figures(): Observable<CompanyYearFiguresView[]> {
    return this.http.get<CompanyYearFiguresView[]>(ApiRoutes.myCompanyFigures);
  }

  /** Creates or replaces one year's figures (money in whole yuan). */
  saveFigures(
    year: number,
    figures: CompanyYearFiguresInput,
  ): Observable<CompanyYearFiguresView> {
    return this.http.put<CompanyYearFiguresView>(
      ApiRoutes.myCompanyFiguresYear(year),
      figures,
    );
  }

  /** What a valid tech-SME registration answers of the high-tech self-check. */
  highTechSelfCheckPrefill(): Observable<HighTechSelfCheckPrefill> {
    return this.http.get<HighTechSelfCheckPrefill>(
      ApiRoutes.myCompanyHighTechSelfCheckPrefill,
    );
  }

  highTechSelfCheck(
    request: HighTechSelfCheckRequest,
  ): Observable<HighTechSelfCheck> {
    return this.http.post<HighTechSelfCheck>(
      ApiRoutes.myCompanyHighTechSelfCheck,
      request,
    );
  }

  /** One keyset page; pass the previous page's `nextCursor` as `cursor`. */
  list(query: CompanyListQuery): Observable<Page<CompanyView>> {
    let params = new HttpParams();
    if (query.status) params = params.set('status', query.status);
    if (query.cursor) params = params.set('cursor', query.cursor);
    if (query.limit) params = params.set('limit', query.limit);
    return this.http.get<Page<CompanyView>>(ApiRoutes.companies, { params });
  }

  get(id: string): Observable<CompanyView> {
    return this.http.get<CompanyView>(ApiRoutes.company(id));
  }

  verify(
    id: string,
    request: VerificationDecisionRequest,
  ): Observable<CompanyView> {
    return this.http.post<CompanyView>(ApiRoutes.companyVerify(id), request);
  }

  reject(
    id: string,
    request: Required<VerificationDecisionRequest>,
  ): Observable<CompanyView> {
    return this.http.post<CompanyView>(
      ApiRoutes.companyRejectVerification(id),
      request,
    );
  }
}

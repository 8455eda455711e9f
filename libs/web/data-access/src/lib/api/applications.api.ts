import {
  HttpClient,
  type HttpEvent,
  HttpHeaders,
  HttpParams,
} from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type ActionRequest,
  type ActionResult,
  ApiRoutes,
  type ApplicationDetail,
  type AttachmentView,
  type CallView,
  type CreateApplicationRequest,
  type ExpertPanelView,
  type MyExpertConflictsView,
  IDEMPOTENCY_HEADER,
  type MyApplicationsQuery,
  type MyApplicationSummary,
  type MyObjectionView,
  type ObjectionRequest,
  type Page,
  type PartnerView,
  type PublicNoticeView,
  type SaveFormRequest,
  type ScoreRequest,
  type VoucherLedgerView,
} from '@portal/contracts';
import type { Observable } from 'rxjs';

/** An upload's multipart body: the material's key first, as the API reads it before the file. */
function materialBody(materialKey: string, file: File): FormData {
  const body = new FormData();
  body.append('materialKey', materialKey);
  body.append('file', file, file.name);
  return body;
}

/** Calls, applications (the enterprise's and the staff's view), materials and the inbox. */
@Injectable({ providedIn: 'root' })
export class ApplicationsApi {
  private readonly http = inject(HttpClient);

  /** The calls the user may see; an enterprise gets those covering its county. */
  calls(): Observable<CallView[]> {
    return this.http.get<CallView[]>(ApiRoutes.calls);
  }

  /** Starts a draft in a call, prefilled from the company. */
  create(request: CreateApplicationRequest): Observable<ApplicationDetail> {
    return this.http.post<ApplicationDetail>(ApiRoutes.applications, request);
  }

  /** The own company's applications, newest first, filtered; pass the last `nextCursor` for more. */
  mine(
    cursor?: string | null,
    filters: Omit<MyApplicationsQuery, 'cursor' | 'limit'> = {},
  ): Observable<Page<MyApplicationSummary>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(filters))
      if (value !== undefined && value !== null && value !== '')
        params = params.set(key, String(value));
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<Page<MyApplicationSummary>>(ApiRoutes.applications, {
      params,
    });
  }

  get(id: string): Observable<ApplicationDetail> {
    return this.http.get<ApplicationDetail>(ApiRoutes.application(id));
  }

  /** Autosave; a stale `version` answers 409 VERSION_CONFLICT. */
  saveForm(id: string, request: SaveFormRequest): Observable<ActionResult> {
    return this.http.patch<ActionResult>(
      ApiRoutes.applicationForm(id),
      request,
    );
  }

  /**
   * Fires a workflow action. `idempotencyKey` is made once per user click: a retried request
   * with the same key gets the same answer and has no second effect.
   */
  act(
    id: string,
    request: ActionRequest,
    idempotencyKey: string,
  ): Observable<ActionResult> {
    return this.http.post<ActionResult>(
      ApiRoutes.applicationActions(id),
      request,
      { headers: new HttpHeaders({ [IDEMPOTENCY_HEADER]: idempotencyKey }) },
    );
  }

  /** Uploads one file as a material; the API reads `materialKey` before the file. */
  uploadMaterial(
    id: string,
    materialKey: string,
    file: File,
  ): Observable<AttachmentView> {
    return this.http.post<AttachmentView>(
      ApiRoutes.applicationMaterials(id),
      materialBody(materialKey, file),
    );
  }

  /**
   * The same upload, reporting its progress: upload-progress events while the file goes out, then
   * the response with the stored attachment.
   */
  uploadMaterialWithProgress(
    id: string,
    materialKey: string,
    file: File,
  ): Observable<HttpEvent<AttachmentView>> {
    return this.http.post<AttachmentView>(
      ApiRoutes.applicationMaterials(id),
      materialBody(materialKey, file),
      { reportProgress: true, observe: 'events' },
    );
  }

  removeMaterial(id: string, attachmentId: string): Observable<void> {
    return this.http.delete<void>(
      ApiRoutes.applicationMaterial(id, attachmentId),
    );
  }

  /** Where the browser downloads an uploaded material (same-origin, with the session cookie). */
  materialUrl(id: string, attachmentId: string): string {
    return ApiRoutes.applicationMaterial(id, attachmentId);
  }

  /** Cooperating banks or voucher service providers, the choices of an action's select. */
  partners(kind: 'banks' | 'providers'): Observable<PartnerView[]> {
    return this.http.get<PartnerView[]>(ApiRoutes.partners(kind));
  }

  /** The case's company voucher ledger for the case's year (programmes with `voucher_ledger`). */
  voucherLedger(id: string): Observable<VoucherLedgerView> {
    return this.http.get<VoucherLedgerView>(
      ApiRoutes.applicationVoucherLedger(id),
    );
  }

  /** The expert panel of a high-tech application (province: all and the aggregate; an expert: own). */
  experts(id: string): Observable<ExpertPanelView> {
    return this.http.get<ExpertPanelView>(ApiRoutes.applicationExperts(id));
  }

  /** The province draws the panel; 409 when it is already drawn. */
  drawExperts(id: string): Observable<ExpertPanelView> {
    return this.http.post<ExpertPanelView>(
      ApiRoutes.applicationExpertDraw(id),
      {},
    );
  }

  /** The province draws someone for a recused panel member's seat. */
  replaceExpert(id: string, userId: string): Observable<ExpertPanelView> {
    return this.http.post<ExpertPanelView>(
      ApiRoutes.applicationExpertReplace(id, userId),
      {},
    );
  }

  /** A drawn expert declares a conflict with the case's company and leaves its scoring. */
  recuse(id: string): Observable<ExpertPanelView> {
    return this.http.post<ExpertPanelView>(
      ApiRoutes.applicationExpertRecuse(id),
      {},
    );
  }

  /** The signed-in expert's declared conflicts, named. */
  myExpertConflicts(): Observable<MyExpertConflictsView> {
    return this.http.get<MyExpertConflictsView>(ApiRoutes.myExpertProfile);
  }

  /** Replaces the signed-in expert's declared conflicts with these organisations. */
  declareConflicts(organisationIds: readonly string[]): Observable<unknown> {
    return this.http.put(ApiRoutes.myExpertConflicts, { organisationIds });
  }

  /** A drawn expert's score and opinion. */
  score(id: string, request: ScoreRequest): Observable<ExpertPanelView> {
    return this.http.put<ExpertPanelView>(
      ApiRoutes.applicationScore(id),
      request,
    );
  }

  /** The cases in public notice. */
  publicNotices(): Observable<PublicNoticeView[]> {
    return this.http.get<PublicNoticeView[]>(ApiRoutes.publicNotices);
  }

  /** The signed-in user's own objections and what became of each. */
  myObjections(): Observable<MyObjectionView[]> {
    return this.http.get<MyObjectionView[]>(ApiRoutes.myObjections);
  }

  /** A real-name objection to a case in public notice. */
  object(id: string, request: ObjectionRequest): Observable<void> {
    return this.http.post<void>(ApiRoutes.noticeObjections(id), request);
  }
}

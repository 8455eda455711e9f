import { HttpClient, type HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { ApiRoutes, type CompanyLicenceView } from '@portal/contracts';
import type { Observable } from 'rxjs';

/** The business licence a company uploads for its verification, and the county's read of it. */
@Injectable({ providedIn: 'root' })
export class CompanyLicenceApi {
  private readonly http = inject(HttpClient);

  mine(): Observable<CompanyLicenceView | null> {
    return this.http.get<CompanyLicenceView | null>(ApiRoutes.myCompanyLicence);
  }

  /** Replaces the company's licence; the events carry the upload's progress. */
  upload(file: File): Observable<HttpEvent<CompanyLicenceView>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.put<CompanyLicenceView>(ApiRoutes.myCompanyLicence, body, {
      reportProgress: true,
      observe: 'events',
    });
  }

  ofCompany(companyId: string): Observable<CompanyLicenceView | null> {
    return this.http.get<CompanyLicenceView | null>(
      ApiRoutes.companyLicence(companyId),
    );
  }
}

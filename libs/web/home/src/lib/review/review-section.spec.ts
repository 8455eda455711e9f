import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApiRoutes, type CompanyView, type Me } from '@portal/contracts';
import type { Permission } from '@portal/domain';
import { SessionStore } from '@portal/web-data-access';
import { provideI18n } from '@portal/web-i18n';
import { REVIEW_PAGE_SIZE, ReviewSection } from './review-section';

function company(id: string, name: string): CompanyView {
  return {
    id,
    name,
    creditCode: '91350100M000100Y43',
    regionCode: '330421',
    regionName: '嘉善县',
    foundedOn: null,
    contactName: '张伟',
    contactPhone: '138****5678',
    contactEmail: 'zhang@example.cn',
    verificationStatus: 'pending',
    verificationComment: null,
    verifiedAt: null,
    createdAt: '2025-11-01T08:00:00.000Z',
  };
}

function me(permissions: Permission[]): Me {
  return {
    id: 'r-1',
    email: 'reviewer@kjj.example.cn',
    name: '王芳',
    language: 'zh-CN',
    secondFactorEnabled: true,
    memberships: [],
    permissions,
  };
}

const listUrl = (req: { url: string }) => req.url === ApiRoutes.companies;
const inDocument = (testId: string) =>
  document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);

describe('ReviewSection', () => {
  let fixture: ComponentFixture<ReviewSection>;
  let http: HttpTestingController;

  async function render(permissions: Permission[]) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ReviewSection],
      providers: [
        provideI18n(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(SessionStore).signIn(me(permissions));
    fixture = TestBed.createComponent(ReviewSection);
    await fixture.whenStable();
  }

  const rows = () =>
    [
      ...(fixture.nativeElement as HTMLElement).querySelectorAll(
        '[data-testid="pending-company-row"]',
      ),
    ].map((row) => row.getAttribute('data-company-id'));

  afterEach(() => http.verify());

  it('lists pending companies and loads the next keyset page on demand', async () => {
    await render(['company.region.read', 'company.verify']);
    const first = http.expectOne(listUrl);
    expect(first.request.params.get('status')).toBe('pending');
    expect(first.request.params.get('limit')).toBe(String(REVIEW_PAGE_SIZE));
    expect(first.request.params.has('cursor')).toBe(false);
    first.flush({
      items: [company('c1', '甲公司'), company('c2', '乙公司')],
      nextCursor: 'cur-2',
    });
    await fixture.whenStable();
    expect(rows()).toEqual(['c1', 'c2']);

    (
      fixture.nativeElement.querySelector(
        '[data-testid="review-load-more"]',
      ) as HTMLElement
    ).click();
    await fixture.whenStable();
    const second = http.expectOne(listUrl);
    expect(second.request.params.get('cursor')).toBe('cur-2');
    second.flush({ items: [company('c3', '丙公司')], nextCursor: null });
    await fixture.whenStable();
    expect(rows()).toEqual(['c1', 'c2', 'c3']);
    expect(
      fixture.nativeElement.querySelector('[data-testid="review-load-more"]'),
    ).toBeNull();
  });

  it('shows the uploaded business licence in the drawer beside the typed data, from a local copy', async () => {
    const created = jest.fn(() => 'blob:licence');
    const revoked = jest.fn();
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: revoked });
    await render(['company.region.read', 'company.verify']);
    http
      .expectOne(listUrl)
      .flush({ items: [company('c1', '甲公司')], nextCursor: null });
    await fixture.whenStable();
    inDocument('review-open')?.click();
    await fixture.whenStable();
    http.expectOne(ApiRoutes.company('c1')).flush(company('c1', '甲公司'));
    http.expectOne(ApiRoutes.companyLicence('c1')).flush({
      fileName: '营业执照.pdf',
      kind: 'pdf',
      sizeBytes: 2048,
      uploadedAt: '2026-12-01T02:00:00.000Z',
    });
    await fixture.whenStable();
    const file = http.expectOne(ApiRoutes.companyLicenceFile('c1'));
    expect(file.request.responseType).toBe('blob');
    file.flush(new Blob(['%PDF-1.4'], { type: 'application/pdf' }));
    await fixture.whenStable();
    const licence = inDocument('review-licence');
    expect(licence?.textContent).toContain('营业执照.pdf');
    expect(
      licence
        ?.querySelector('[data-testid="file-preview-pdf"]')
        ?.getAttribute('src'),
    ).toBe('blob:licence');
    // Closing the drawer lets the local copy go.
    fixture.destroy();
    expect(revoked).toHaveBeenCalledWith('blob:licence');
  });

  it('says so when a company has not uploaded its licence', async () => {
    await render(['company.region.read', 'company.verify']);
    http
      .expectOne(listUrl)
      .flush({ items: [company('c1', '甲公司')], nextCursor: null });
    await fixture.whenStable();
    inDocument('review-open')?.click();
    await fixture.whenStable();
    http.expectOne(ApiRoutes.company('c1')).flush(company('c1', '甲公司'));
    http.expectOne(ApiRoutes.companyLicence('c1')).flush(null);
    await fixture.whenStable();
    expect(inDocument('review-licence-missing')?.textContent).toContain(
      '尚未上传营业执照',
    );
  });

  it('verifies a company from its drawer and drops it from the list', async () => {
    await render(['company.region.read', 'company.verify']);
    http
      .expectOne(listUrl)
      .flush({ items: [company('c1', '甲公司')], nextCursor: null });
    await fixture.whenStable();

    (
      fixture.nativeElement.querySelector(
        '[data-testid="review-open"]',
      ) as HTMLElement
    ).click();
    await fixture.whenStable();
    http.expectOne(ApiRoutes.company('c1')).flush(company('c1', '甲公司'));
    http.expectOne(ApiRoutes.companyLicence('c1')).flush(null);
    await fixture.whenStable();
    expect(inDocument('review-drawer')?.textContent).toContain('甲公司');

    inDocument('verify-company')?.click();
    await fixture.whenStable();
    const verify = http.expectOne(ApiRoutes.companyVerify('c1'));
    expect(verify.request.body).toEqual({});
    verify.flush({
      ...company('c1', '甲公司'),
      verificationStatus: 'verified',
    });
    await fixture.whenStable();
    expect(rows()).toEqual([]);
  });

  it('requires a comment to reject, and sends it', async () => {
    await render(['company.region.read', 'company.verify']);
    http
      .expectOne(listUrl)
      .flush({ items: [company('c1', '甲公司')], nextCursor: null });
    await fixture.whenStable();
    (
      fixture.nativeElement.querySelector(
        '[data-testid="review-open"]',
      ) as HTMLElement
    ).click();
    await fixture.whenStable();
    http.expectOne(ApiRoutes.company('c1')).flush(company('c1', '甲公司'));
    http.expectOne(ApiRoutes.companyLicence('c1')).flush(null);
    await fixture.whenStable();

    inDocument('reject-company')?.click();
    await fixture.whenStable();
    http.expectNone(ApiRoutes.companyRejectVerification('c1'));
    expect(
      inDocument('review-comment')?.closest('nz-form-item')?.textContent,
    ).toContain('驳回时必须填写意见');

    const comment = inDocument('review-comment') as HTMLTextAreaElement;
    comment.value = '营业执照信息与填报不一致';
    comment.dispatchEvent(new Event('input'));
    inDocument('reject-company')?.click();
    await fixture.whenStable();
    const reject = http.expectOne(ApiRoutes.companyRejectVerification('c1'));
    expect(reject.request.body).toEqual({
      comment: '营业执照信息与填报不一致',
    });
    reject.flush({
      ...company('c1', '甲公司'),
      verificationStatus: 'rejected',
    });
    await fixture.whenStable();
    expect(rows()).toEqual([]);
  });

  it('lets a reviewer without company.verify look but not decide', async () => {
    await render(['company.region.read']);
    http
      .expectOne(listUrl)
      .flush({ items: [company('c1', '甲公司')], nextCursor: null });
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('核验由区县科技局办理');
    (
      fixture.nativeElement.querySelector(
        '[data-testid="review-open"]',
      ) as HTMLElement
    ).click();
    await fixture.whenStable();
    http.expectOne(ApiRoutes.company('c1')).flush(company('c1', '甲公司'));
    http.expectOne(ApiRoutes.companyLicence('c1')).flush(null);
    await fixture.whenStable();
    expect(inDocument('review-drawer')).not.toBeNull();
    expect(inDocument('verify-company')).toBeNull();
  });
});

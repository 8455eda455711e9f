import { HttpEventType, provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApiRoutes, type VerificationStatus } from '@portal/contracts';
import { provideI18n } from '@portal/web-i18n';
import { byTestId } from '@portal/web-ui/testing';
import { CompanyLicenceCard } from './company-licence-card';

describe('CompanyLicenceCard', () => {
  let fixture: ComponentFixture<CompanyLicenceCard>;
  let http: HttpTestingController;

  async function render(status: VerificationStatus, canUpload = true) {
    Object.assign(URL, {
      createObjectURL: jest.fn(() => 'blob:licence'),
      revokeObjectURL: jest.fn(),
    });
    TestBed.configureTestingModule({
      imports: [CompanyLicenceCard],
      providers: [
        provideI18n(),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CompanyLicenceCard);
    fixture.componentRef.setInput('status', status);
    fixture.componentRef.setInput('canUpload', canUpload);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('uploads the licence with its progress while the county verifies, then shows it', async () => {
    await render('pending');
    http.expectOne(ApiRoutes.myCompanyLicence).flush(null);
    await fixture.whenStable();
    expect(byTestId(fixture, 'company-licence-none')).toBeTruthy();

    const input = byTestId<HTMLInputElement>(fixture, 'company-licence-file');
    const file = new File(['%PDF-1.4'], '营业执照.pdf', {
      type: 'application/pdf',
    });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    const put = http.expectOne(
      (r) => r.method === 'PUT' && r.url === ApiRoutes.myCompanyLicence,
    );
    expect((put.request.body as FormData).get('file')).toBeInstanceOf(File);
    put.event({ type: HttpEventType.UploadProgress, loaded: 40, total: 100 });
    await fixture.whenStable();
    expect(byTestId(fixture, 'company-licence-progress').textContent).toContain(
      '40%',
    );
    expect(
      byTestId<HTMLButtonElement>(fixture, 'company-licence-upload').disabled,
    ).toBe(true);
    put.flush({
      fileName: '营业执照.pdf',
      kind: 'pdf',
      sizeBytes: 8,
      uploadedAt: '2026-12-07T02:00:00.000Z',
    });
    await fixture.whenStable();
    http
      .expectOne(ApiRoutes.myCompanyLicenceFile)
      .flush(new Blob(['%PDF-1.4'], { type: 'application/pdf' }));
    await fixture.whenStable();
    expect(byTestId(fixture, 'company-licence-uploaded')).toBeTruthy();
    expect(byTestId(fixture, 'company-licence-current').textContent).toContain(
      '营业执照.pdf',
    );
    expect(byTestId(fixture, 'company-licence-upload').textContent).toContain(
      '重新上传',
    );
  });

  it('offers no upload once the company is verified', async () => {
    await render('verified');
    http.expectOne(ApiRoutes.myCompanyLicence).flush(null);
    await fixture.whenStable();
    expect(
      (fixture.nativeElement as HTMLElement).querySelector(
        '[data-testid="company-licence-upload"]',
      ),
    ).toBeNull();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain(
      '联系县级科技局',
    );
  });
});

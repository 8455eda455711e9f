import { HttpEventType, provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ApiRoutes, type AttachmentView } from '@portal/contracts';
import { APPLICATION_FORMS, type MaterialDefinition } from '@portal/domain';
import { provideI18n } from '@portal/web-i18n';
import { byTestId, click } from '@portal/web-ui/testing';
import { MaterialsSection } from './materials-section';

const licence: AttachmentView = {
  id: 'f-1',
  materialKey: 'business_licence',
  fileName: '营业执照.pdf',
  kind: 'pdf',
  sizeBytes: 204_800,
  sha256: 'ab'.repeat(32),
  uploadedAt: '2026-11-20T02:00:00.000Z',
};

describe('MaterialsSection', () => {
  let fixture: ComponentFixture<MaterialsSection>;
  let http: HttpTestingController;
  let changes: number;

  async function render(
    editable: boolean,
    materials: readonly MaterialDefinition[] = APPLICATION_FORMS
      .transformation_loan.materials,
  ) {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [MaterialsSection],
      providers: [
        provideI18n(),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MaterialsSection);
    fixture.componentRef.setInput('applicationId', 'a-1');
    fixture.componentRef.setInput('materials', materials);
    fixture.componentRef.setInput('attachments', [licence]);
    fixture.componentRef.setInput('editable', editable);
    changes = 0;
    fixture.componentInstance.changed.subscribe(() => changes++);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('says when a later material is due: a project’s reports come with their milestone, not the filing', async () => {
    await render(false, APPLICATION_FORMS.st_project.materials);
    const phaseOf = (key: string) =>
      (fixture.nativeElement as HTMLElement)
        .querySelector(
          `[data-material-key="${key}"] [data-testid="material-phase"]`,
        )
        ?.textContent?.trim();
    expect(phaseOf('midterm_report')).toBe('中期报告时提交');
    expect(phaseOf('final_report')).toBe('结题时提交');
    expect(phaseOf('project_proposal')).toBeUndefined();
  });

  it('lists each material with its files and a download link', async () => {
    await render(false);
    const licenceRow = (fixture.nativeElement as HTMLElement).querySelector(
      '[data-material-key="business_licence"]',
    );
    expect(licenceRow?.textContent).toContain('营业执照');
    expect(licenceRow?.textContent).toContain('200 KB');
    expect(
      licenceRow
        ?.querySelector('[data-testid="material-download"]')
        ?.getAttribute('href'),
    ).toBe(ApiRoutes.applicationMaterial('a-1', 'f-1'));
    expect(
      (fixture.nativeElement as HTMLElement).querySelector(
        '[data-material-key="financial_statements"]',
      )?.textContent,
    ).toContain('尚未上传');
    expect(
      (fixture.nativeElement as HTMLElement).querySelector(
        '[data-testid^="material-upload-"], [data-testid="material-remove"]',
      ),
    ).toBeNull();
  });

  it('uploads a file as multipart with the material key first', async () => {
    await render(true);
    const input = byTestId<HTMLInputElement>(
      fixture,
      'material-file-achievement_proof',
    );
    expect(input.accept).toBe('.pdf,.jpg,.jpeg,.png');
    const file = new File(['%PDF-1.7'], '专利证书.pdf', {
      type: 'application/pdf',
    });
    Object.defineProperty(input, 'files', { value: [file] });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    const upload = http.expectOne(ApiRoutes.applicationMaterials('a-1'));
    expect(upload.request.method).toBe('POST');
    const body = upload.request.body as FormData;
    expect([...body.keys()]).toEqual(['materialKey', 'file']);
    expect(body.get('materialKey')).toBe('achievement_proof');
    expect((body.get('file') as File).name).toBe('专利证书.pdf');
    upload.flush({ ...licence, id: 'f-2', materialKey: 'achievement_proof' });
    await fixture.whenStable();
    expect(changes).toBe(1);
  });

  it('removes a file after a confirmation, and shows why an upload was refused', async () => {
    await render(true);
    click(fixture, 'material-remove');
    await fixture.whenStable();
    http.expectNone(ApiRoutes.applicationMaterial('a-1', 'f-1'));
    expect(
      byTestId(fixture, 'material-remove-confirmation').textContent,
    ).toContain('确定删除 营业执照.pdf');
    click(fixture, 'material-remove-cancel');
    await fixture.whenStable();
    http.expectNone(ApiRoutes.applicationMaterial('a-1', 'f-1'));
    click(fixture, 'material-remove');
    await fixture.whenStable();
    click(fixture, 'material-remove-confirm');
    await fixture.whenStable();
    const remove = http.expectOne(ApiRoutes.applicationMaterial('a-1', 'f-1'));
    expect(remove.request.method).toBe('DELETE');
    remove.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(changes).toBe(1);

    const input = byTestId<HTMLInputElement>(
      fixture,
      'material-file-business_licence',
    );
    Object.defineProperty(input, 'files', {
      value: [new File(['x'], 'licence.exe')],
    });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    http.expectOne(ApiRoutes.applicationMaterials('a-1')).flush(
      {
        statusCode: 400,
        code: 'FILE_REJECTED',
        message: 'Not accepted',
        correlationId: 'c-5',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(byTestId(fixture, 'error-alert').textContent).toContain(
      '文件类型或大小不符合要求',
    );
    expect(changes).toBe(1);
  });

  it('opens only the phases the case is in: a voucher at redemption takes its redemption documents, the filed licence stays', async () => {
    await render(true, APPLICATION_FORMS.innovation_voucher.materials);
    fixture.componentRef.setInput('openPhases', ['redemption']);
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="material-remove"]')).toBeNull();
    expect(
      el.querySelector('[data-testid="material-upload-business_licence"]'),
    ).toBeNull();
    expect(
      el.querySelector('[data-testid="material-upload-invoice"]'),
    ).toBeTruthy();
    // Required and open here with nothing uploaded: said at the row, before any submission.
    expect(
      el.querySelector(
        '[data-material-key="invoice"] [data-testid="material-missing"]',
      )?.textContent,
    ).toContain('尚未上传');
    expect(
      el.querySelector(
        '[data-material-key="business_licence"] [data-testid="material-missing"]',
      ),
    ).toBeNull();
  });

  function pick(testId: string, name: string) {
    const input = byTestId<HTMLInputElement>(fixture, testId);
    Object.defineProperty(input, 'files', {
      value: [new File(['%PDF-1.7'], name, { type: 'application/pdf' })],
      configurable: true,
    });
    input.dispatchEvent(new Event('change'));
  }

  const progressOf = (key: string) =>
    (fixture.nativeElement as HTMLElement).querySelector(
      `[data-testid="material-progress"][data-material-key="${key}"]`,
    );

  it('shows each upload with its own progress bar, several at once, none locking the others', async () => {
    await render(true);
    pick('material-file-financial_statements', '财务报表.pdf');
    await fixture.whenStable();
    // Another material stays free while the first is on its way.
    expect(
      byTestId<HTMLButtonElement>(fixture, 'material-upload-achievement_proof')
        .disabled,
    ).toBe(false);
    pick('material-file-achievement_proof', '专利证书.pdf');
    await fixture.whenStable();
    const [first, second] = http.match(ApiRoutes.applicationMaterials('a-1'));
    expect(first?.request.reportProgress).toBe(true);
    first?.event({
      type: HttpEventType.UploadProgress,
      loaded: 30,
      total: 100,
    });
    second?.event({
      type: HttpEventType.UploadProgress,
      loaded: 75,
      total: 100,
    });
    await fixture.whenStable();
    expect(progressOf('financial_statements')?.textContent).toContain(
      '正在上传 财务报表.pdf：30%',
    );
    expect(
      progressOf('financial_statements')
        ?.querySelector('[role="progressbar"]')
        ?.getAttribute('aria-valuenow'),
    ).toBe('30');
    expect(progressOf('achievement_proof')?.textContent).toContain('75%');
    expect(
      byTestId<HTMLButtonElement>(
        fixture,
        'material-upload-financial_statements',
      ).disabled,
    ).toBe(true);

    second?.flush({ ...licence, id: 'f-3', materialKey: 'achievement_proof' });
    await fixture.whenStable();
    expect(changes).toBe(1);
    expect(progressOf('achievement_proof')).toBeNull();
    expect(progressOf('financial_statements')?.textContent).toContain('30%');
    first?.flush({
      ...licence,
      id: 'f-2',
      materialKey: 'financial_statements',
    });
    await fixture.whenStable();
    expect(changes).toBe(2);
    expect(progressOf('financial_statements')).toBeNull();
  });

  it('replaces a file: the new one is uploaded, then the old one removed', async () => {
    await render(true);
    pick('material-replace-file-f-1', '营业执照-新.pdf');
    await fixture.whenStable();
    const upload = http.expectOne(ApiRoutes.applicationMaterials('a-1'));
    expect((upload.request.body as FormData).get('materialKey')).toBe(
      'business_licence',
    );
    http.expectNone(ApiRoutes.applicationMaterial('a-1', 'f-1'));
    upload.flush({ ...licence, id: 'f-9', fileName: '营业执照-新.pdf' });
    await fixture.whenStable();
    const remove = http.expectOne(ApiRoutes.applicationMaterial('a-1', 'f-1'));
    expect(remove.request.method).toBe('DELETE');
    expect(changes).toBe(0);
    remove.flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(changes).toBe(1);
  });

  it('previews a PDF in the page under its row, fetched with the session, and folds it away', async () => {
    const created = jest.fn(() => 'blob:preview-1');
    const revoked = jest.fn();
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: revoked });
    await render(false);
    const toggle = document.querySelector<HTMLElement>(
      '[data-testid="material-preview"]',
    );
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    click(fixture, 'material-preview');
    await fixture.whenStable();
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(toggle?.textContent).toContain('收起预览');
    const get = http.expectOne(ApiRoutes.applicationMaterial('a-1', 'f-1'));
    expect(get.request.method).toBe('GET');
    expect(get.request.responseType).toBe('blob');
    get.flush(new Blob(['%PDF-1.7'], { type: 'application/pdf' }));
    await fixture.whenStable();
    const inline = document.querySelector(
      '[data-testid="material-attachment"] [data-testid="material-preview-inline"]',
    );
    expect(
      inline
        ?.querySelector('[data-testid="file-preview-pdf"]')
        ?.getAttribute('src'),
    ).toBe('blob:preview-1');
    click(fixture, 'material-preview');
    await fixture.whenStable();
    expect(
      document.querySelector('[data-testid="material-preview-inline"]'),
    ).toBeNull();
    expect(revoked).toHaveBeenCalledWith('blob:preview-1');
  });
});

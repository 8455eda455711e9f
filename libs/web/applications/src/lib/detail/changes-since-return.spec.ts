import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { ChangesSinceReturnView } from '@portal/contracts';
import { APPLICATION_FORMS } from '@portal/domain';
import { LanguageService, provideI18n } from '@portal/web-i18n';
import { ChangesSinceReturn } from './changes-since-return';

describe('ChangesSinceReturn', () => {
  let fixture: ComponentFixture<ChangesSinceReturn>;

  async function render(changes: ChangesSinceReturnView, language = 'zh-CN') {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ChangesSinceReturn],
      providers: [provideI18n()],
    });
    TestBed.inject(LanguageService).use(language as 'zh-CN' | 'en');
    fixture = TestBed.createComponent(ChangesSinceReturn);
    fixture.componentRef.setInput('changes', changes);
    fixture.componentRef.setInput('schema', APPLICATION_FORMS.high_tech);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => {
    document.body.innerHTML = '';
  });

  const changes: ChangesSinceReturnView = {
    returnedAt: '2026-04-01T02:00:00.000Z',
    fields: [
      { key: 'auditReportNumber', before: 'SJ-2026-001', after: 'SJ-2026-002' },
      { key: 'majorIncidentLastYear', before: null, after: false },
      { key: 'rdProjects', before: 4, after: 6 },
    ],
    materials: [
      {
        materialKey: 'special_audit_report',
        fileName: '审计报告.pdf',
        change: 'removed',
      },
      {
        materialKey: 'special_audit_report',
        fileName: '审计报告-签章.pdf',
        change: 'added',
      },
    ],
  };

  it('shows each changed field under its label with the value then and now, as a reader reads it', async () => {
    const page = await render(changes, 'en');
    const rows = [
      ...page.querySelectorAll<HTMLElement>('[data-testid="changed-field"]'),
    ];
    expect(rows.map((r) => r.dataset['field'])).toEqual([
      'auditReportNumber',
      'majorIncidentLastYear',
      'rdProjects',
    ]);
    const text = (row: HTMLElement, id: string) =>
      row.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();
    expect(text(rows[0], 'changed-before')).toBe('Before: SJ-2026-001');
    expect(text(rows[0], 'changed-after')).toBe('After: SJ-2026-002');
    expect(text(rows[1], 'changed-before')).toBe('Before: Not filled in');
    expect(text(rows[1], 'changed-after')).toBe('After: No');
    expect(page.textContent).toContain(
      'Changes since the return for supplement',
    );
  });

  it('lists a replaced file as the old one removed and the new one added, under the material name', async () => {
    const page = await render(changes);
    const rows = [
      ...page.querySelectorAll<HTMLElement>('[data-testid="changed-material"]'),
    ];
    expect(rows.map((r) => [r.dataset['change'], r.textContent])).toEqual([
      ['removed', expect.stringContaining('审计报告.pdf')],
      ['added', expect.stringContaining('审计报告-签章.pdf')],
    ]);
    expect(rows[0].textContent).toContain('删除');
    expect(rows[1].textContent).toContain('新增');
    const label = APPLICATION_FORMS.high_tech.materials.find(
      (m) => m.key === 'special_audit_report',
    )?.label['zh-CN'];
    expect(rows[1].textContent).toContain(label);
  });

  it('says so when the enterprise resubmitted without a change', async () => {
    const page = await render({ ...changes, fields: [], materials: [] });
    expect(
      page.querySelector('[data-testid="changes-none"]')?.textContent,
    ).toContain('未修改');
  });
});

import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type {
  AuditEntryView,
  AuditResult,
  ChainVerification,
} from '@portal/contracts';
import { AUDIT_ACTIONS, auditActionLabel } from '@portal/domain';
import { AdminApi, type AuditLogFilter } from '@portal/web-data-access';
import {
  beijingDayStart,
  type ApiProblem,
  DateTimePipe,
  LanguageService,
  toApiProblem,
  useFeatureTranslations,
} from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { DataKitStyles } from '@portal/web-ui/data-kit';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { finalize } from 'rxjs';
import { BUREAU_ADMIN_TRANSLATIONS } from '../bureau-admin.translations';
import { AdminKitStyles } from '../shared/admin-kit-styles';
import { AuditActionPipe } from './audit-action.pipe';

export const AUDIT_SEARCH_PAGE_SIZE = 50;

const RESULT_COLORS: Readonly<Record<AuditResult, string>> = {
  success: 'success',
  failure: 'warning',
  denied: 'error',
};

/**
 * The auditor's page: the log searched by free text, actor, action (in words), object, result
 * and days; keyset pages; the event hash chains verified on demand; the same search as CSV.
 */
@Component({
  selector: 'app-audit-page',
  imports: [
    FormsModule,
    RouterLink,
    TranslatePipe,
    DateTimePipe,
    AuditActionPipe,
    ErrorAlert,
    DataKitStyles,
    FormKitStyles,
    AdminKitStyles,
    NzAlertModule,
    NzButtonModule,
    NzDatePickerModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
  ],
  templateUrl: './audit.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage implements OnInit {
  private readonly api = inject(AdminApi);
  private readonly languages = inject(LanguageService);
  private readonly destroyRef = inject(DestroyRef);

  /** Every action, in words of the UI language, sorted by those words. */
  protected readonly actions = computed(() => {
    const language = this.languages.language();
    return AUDIT_ACTIONS.map((code) => ({
      code,
      label: auditActionLabel(code, language),
    })).sort((a, b) => a.label.localeCompare(b.label, language));
  });
  protected readonly resultColors = RESULT_COLORS;
  protected readonly results: readonly AuditResult[] = [
    'success',
    'failure',
    'denied',
  ];

  protected q = '';
  protected actor = '';
  protected action = '';
  protected objectType = '';
  protected objectId = '';
  protected result: AuditResult | '' = '';
  protected days: Date[] = [];

  private readonly applied = signal<AuditLogFilter>({});
  protected readonly entries = signal<readonly AuditEntryView[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly csvUrl = computed(() =>
    this.api.auditLogCsvUrl(this.applied(), this.languages.language()),
  );

  protected readonly verifying = signal(false);
  protected readonly chain = signal<ChainVerification | null>(null);
  protected readonly chainProblem = signal<ApiProblem | null>(null);

  constructor() {
    // This feature's strings come with its pages, not with the first bundle.
    useFeatureTranslations(BUREAU_ADMIN_TRANSLATIONS);
  }

  ngOnInit(): void {
    this.search();
  }

  protected search(): void {
    const [from, to] = this.days;
    this.applied.set({
      ...(this.q.trim() ? { q: this.q.trim() } : {}),
      ...(this.actor.trim() ? { actor: this.actor.trim() } : {}),
      ...(this.action ? { action: this.action } : {}),
      ...(this.objectType.trim() ? { objectType: this.objectType.trim() } : {}),
      ...(this.objectId.trim() ? { objectId: this.objectId.trim() } : {}),
      ...(this.result ? { result: this.result } : {}),
      ...(from ? { from: beijingDayStart(from) } : {}),
      ...(to ? { to: beijingDayStart(to, 1) } : {}),
    });
    this.load();
  }

  protected clear(): void {
    this.q = this.actor = this.action = this.objectType = this.objectId = '';
    this.result = '';
    this.days = [];
    this.search();
  }

  protected load(more = false): void {
    const cursor = more ? this.nextCursor() : null;
    this.loading.set(true);
    this.problem.set(null);
    this.api
      .auditLog({
        ...this.applied(),
        limit: AUDIT_SEARCH_PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
      })
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (page) => {
          this.entries.update((list) =>
            more ? [...list, ...page.items] : page.items,
          );
          this.nextCursor.set(page.nextCursor);
        },
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }

  protected verify(): void {
    this.verifying.set(true);
    this.chainProblem.set(null);
    this.api
      .verifyEventChain()
      .pipe(
        finalize(() => this.verifying.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (result) => this.chain.set(result),
        error: (error: unknown) => this.chainProblem.set(toApiProblem(error)),
      });
  }

  protected detail(entry: AuditEntryView): string | null {
    return entry.detail ? JSON.stringify(entry.detail) : null;
  }
}

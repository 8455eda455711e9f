import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import type { AuditEntryView, AuditResult } from '@portal/contracts';
import { AdminApi } from '@portal/web-data-access';
import { type ApiProblem, DateTimePipe, toApiProblem } from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { DataKitStyles } from '@portal/web-ui/data-kit';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { finalize } from 'rxjs';
import { AuditActionPipe } from './audit-action.pipe';

export const AUDIT_PAGE_SIZE = 50;

const RESULT_COLORS: Readonly<Record<AuditResult, string>> = {
  success: 'success',
  failure: 'warning',
  denied: 'error',
};

/** The latest audit trail entries, newest first, filterable by action. Read only. */
@Component({
  selector: 'app-audit-log-section',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzTableModule,
    NzTagModule,
    DataKitStyles,
    DateTimePipe,
    ErrorAlert,
    FormKitStyles,
    AuditActionPipe,
  ],
  templateUrl: './audit-log-section.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLogSection implements OnInit {
  private readonly admin = inject(AdminApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly filter = inject(NonNullableFormBuilder).group({
    action: [''],
  });
  protected readonly entries = signal<readonly AuditEntryView[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly resultColors = RESULT_COLORS;
  private action = '';

  ngOnInit(): void {
    this.load();
  }

  protected applyFilter(): void {
    this.action = this.filter.getRawValue().action.trim();
    this.load();
  }

  protected load(more = false): void {
    const cursor = more ? this.nextCursor() : null;
    this.loading.set(true);
    this.problem.set(null);
    this.admin
      .auditLog({
        limit: AUDIT_PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
        ...(this.action ? { action: this.action } : {}),
      })
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (page) => {
          this.entries.update((entries) =>
            more ? [...entries, ...page.items] : page.items,
          );
          this.nextCursor.set(page.nextCursor);
          this.loaded.set(true);
        },
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }

  protected object(entry: AuditEntryView): string {
    if (!entry.objectType) return '—';
    return entry.objectId
      ? `${entry.objectType} #${entry.objectId}`
      : entry.objectType;
  }

  protected detail(entry: AuditEntryView): string | null {
    return entry.detail ? JSON.stringify(entry.detail) : null;
  }
}

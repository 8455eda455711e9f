import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  DELIVERY_STATUSES,
  type DeliveryStatus,
  type MailDeliveryStats,
  type MailDeliveryView,
} from '@portal/contracts';
import { AdminApi, SessionStore } from '@portal/web-data-access';
import { type ApiProblem, DateTimePipe, toApiProblem } from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { DataKitStyles } from '@portal/web-ui/data-kit';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { type Subscription, finalize } from 'rxjs';

export const DELIVERIES_PAGE_SIZE = 50;

const STATUS_COLORS: Readonly<Record<DeliveryStatus, string>> = {
  queued: 'default',
  sending: 'processing',
  sent: 'success',
  failed: 'error',
  held_for_digest: 'warning',
  digested: 'default',
};

/**
 * The e-mails the portal recorded, by status (failed ones first), with the pipeline's counts and
 * latency; a system administrator may send a failed one again.
 */
@Component({
  selector: 'app-mail-deliveries-section',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    NzButtonModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    DataKitStyles,
    DateTimePipe,
    ErrorAlert,
    FormKitStyles,
  ],
  templateUrl: './mail-deliveries-section.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MailDeliveriesSection implements OnInit {
  private readonly admin = inject(AdminApi);
  private readonly session = inject(SessionStore);
  private readonly messages = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly destroyRef = inject(DestroyRef);

  /** '' is every status. */
  protected readonly status = new FormControl<DeliveryStatus | ''>('failed', {
    nonNullable: true,
  });
  protected readonly statuses = DELIVERY_STATUSES;
  protected readonly statusColors = STATUS_COLORS;
  protected readonly deliveries = signal<readonly MailDeliveryView[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly stats = signal<MailDeliveryStats | null>(null);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly retrying = signal<string | null>(null);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly canRetry = computed(() =>
    this.session.can('mail.outbox.manage'),
  );
  private loadingPage: Subscription | null = null;

  ngOnInit(): void {
    this.refresh();
    this.status.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.load());
  }

  protected refresh(): void {
    this.load();
    this.loadStats();
  }

  /** The first page, or with `more` the page after the last one shown. */
  protected load(more = false): void {
    const cursor = more ? this.nextCursor() : null;
    const status = this.status.value;
    // A newer request (the filter was changed) replaces one still under way.
    this.loadingPage?.unsubscribe();
    this.loading.set(true);
    this.problem.set(null);
    this.loadingPage = this.admin
      .mailDeliveries({
        limit: DELIVERIES_PAGE_SIZE,
        ...(status ? { status } : {}),
        ...(cursor ? { cursor } : {}),
      })
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (page) => {
          this.deliveries.update((deliveries) =>
            more ? [...deliveries, ...page.items] : page.items,
          );
          this.nextCursor.set(page.nextCursor);
          this.loaded.set(true);
        },
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }

  /** Queued again: shown as `queued` here until the list is loaded anew. */
  protected retry(delivery: MailDeliveryView): void {
    this.retrying.set(delivery.id);
    this.problem.set(null);
    this.admin
      .retryMailDelivery(delivery.id)
      .pipe(
        finalize(() => this.retrying.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.deliveries.update((deliveries) =>
            deliveries.map((d) =>
              d.id === delivery.id ? { ...d, status: 'queued' } : d,
            ),
          );
          this.messages.success(
            this.translate.instant('deliveries.retried', { to: delivery.to }),
          );
          this.loadStats();
        },
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }

  /** The counts are secondary: a failure leaves them out rather than alarming twice. */
  private loadStats(): void {
    this.admin
      .mailDeliveryStats()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (stats) => this.stats.set(stats),
        error: () => this.stats.set(null),
      });
  }
}

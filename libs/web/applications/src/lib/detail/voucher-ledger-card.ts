import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { VoucherLedgerView } from '@portal/contracts';
import { ApplicationsApi } from '@portal/web-data-access';
import {
  type ApiProblem,
  DateTimePipe,
  LanguageService,
  toApiProblem,
} from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzTagModule } from 'ng-zorro-antd/tag';

/**
 * The company's yearly innovation-voucher cap as the case's year stands: cap, committed and
 * remaining, and each booking (a reservation at issue, its release, a redemption) with the case
 * that made it. Shown where the programme keeps a voucher ledger; the API decides who may read
 * it, and the card stays hidden when it refuses.
 */
@Component({
  selector: 'app-voucher-ledger-card',
  imports: [
    TranslatePipe,
    NzDescriptionsModule,
    NzTagModule,
    DateTimePipe,
    ErrorAlert,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .ledger-entries {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .ledger-entry {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 12px;
      padding: 8px 0;
      border-bottom: 1px solid #f0f0f0;
    }
    .ledger-entry:last-child {
      border-bottom: 0;
    }
    .ledger-entry__ref {
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .ledger-entry__amount {
      margin-left: auto;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .ledger-entry--own .ledger-entry__ref {
      font-weight: 600;
    }
  `,
  template: `
    <app-error-alert [problem]="problem()" />
    @if (ledger(); as ledger) {
      <section class="app-panel" data-testid="voucher-ledger">
        <h2 class="app-panel__title">
          {{ 'voucherLedger.title' | translate: { year: ledger.year } }}
        </h2>
        <nz-descriptions
          class="app-block"
          nzBordered
          nzSize="small"
          [nzColumn]="{ xxl: 3, xl: 3, lg: 3, md: 3, sm: 1, xs: 1 }"
        >
          <nz-descriptions-item [nzTitle]="'voucherLedger.cap' | translate">
            <span data-testid="ledger-cap">{{ yuan(ledger.capYuan) }}</span>
          </nz-descriptions-item>
          <nz-descriptions-item
            [nzTitle]="'voucherLedger.committed' | translate"
          >
            <span data-testid="ledger-committed">{{
              yuan(ledger.committedYuan)
            }}</span>
          </nz-descriptions-item>
          <nz-descriptions-item
            [nzTitle]="'voucherLedger.remaining' | translate"
          >
            <strong data-testid="ledger-remaining">{{
              yuan(ledger.remainingYuan)
            }}</strong>
          </nz-descriptions-item>
        </nz-descriptions>
        <h3 class="app-panel__subtitle">
          {{ 'voucherLedger.entries' | translate }}
        </h3>
        @if (ledger.entries.length) {
          <ul class="ledger-entries">
            @for (entry of ledger.entries; track $index) {
              <li
                class="ledger-entry"
                data-testid="ledger-entry"
                [attr.data-kind]="entry.kind"
                [class.ledger-entry--own]="entry.applicationId === caseId()"
              >
                <span class="ledger-entry__ref app-mono">{{
                  entry.reference
                }}</span>
                @if (entry.applicationId === caseId()) {
                  <nz-tag nzColor="blue">{{
                    'voucherLedger.thisCase' | translate
                  }}</nz-tag>
                }
                <span>{{
                  'voucherLedger.kind.' + entry.kind | translate
                }}</span>
                <span class="app-muted">{{
                  entry.bookedAt | appDateTime
                }}</span>
                <span
                  class="ledger-entry__amount"
                  data-testid="ledger-amount"
                  >{{ signedYuan(entry.amountYuan) }}</span
                >
              </li>
            }
          </ul>
        } @else {
          <p class="app-muted" data-testid="ledger-empty">
            {{ 'voucherLedger.none' | translate }}
          </p>
        }
      </section>
    }
  `,
})
export class VoucherLedgerCard {
  private readonly api = inject(ApplicationsApi);
  private readonly translate = inject(TranslateService);
  private readonly languages = inject(LanguageService);
  private readonly destroyRef = inject(DestroyRef);

  /** The case whose company ledger is shown; read again whenever the case changes. */
  readonly caseId = input.required<string>();
  /** The case's version: a new one (an issue, a redemption) reads the ledger again. */
  readonly version = input.required<number>();

  protected readonly ledger = signal<VoucherLedgerView | null>(null);
  protected readonly problem = signal<ApiProblem | null>(null);
  private readonly locale = computed(() => this.languages.language());

  constructor() {
    effect(() => {
      const id = this.caseId();
      this.version();
      untracked(() => this.load(id));
    });
  }

  protected yuan(amount: number): string {
    return String(
      this.translate.instant('decision.yuan', {
        amount: amount.toLocaleString(this.locale(), {
          maximumFractionDigits: 2,
        }),
      }),
    );
  }

  /** A booking as it moves the committed total: a release reads −, a reservation or spend +. */
  protected signedYuan(amount: number): string {
    const text = this.yuan(Math.abs(amount));
    return amount < 0 ? `−${text}` : `+${text}`;
  }

  private load(id: string): void {
    this.api
      .voucherLedger(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (ledger) => {
          this.problem.set(null);
          this.ledger.set(ledger);
        },
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          this.ledger.set(null);
          // Refused as the detail would be: nothing to show, nothing to say.
          this.problem.set(
            problem.status === 403 || problem.status === 404 ? null : problem,
          );
        },
      });
  }
}

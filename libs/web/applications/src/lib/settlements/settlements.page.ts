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
import { FormsModule } from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type {
  AwaitingSettlementView,
  RegionView,
  SettlementSummaryView,
  SettlementView,
} from '@portal/contracts';
import {
  chinaDateOf,
  grantsFor,
  regionContains,
  regionLevel,
  settlementMonthProblem,
  settlementPaidOnProblem,
} from '@portal/domain';
import {
  AuthApi,
  PortalClockStore,
  SessionStore,
  SettlementsApi,
} from '@portal/web-data-access';
import {
  type ApiProblem,
  DateTimePipe,
  LanguageService,
  toApiProblem,
  useFeatureTranslations,
} from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { DataKitStyles } from '@portal/web-ui/data-kit';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { catchError, finalize, of } from 'rxjs';
import { ApplicationsKitStyles } from '../shared/applications-kit-styles';
import { SETTLEMENTS_TRANSLATIONS } from './settlements.translations';

/**
 * A city's monthly voucher settlement (DOMAIN.md: the city audits, settlement is monthly): the
 * approved redemptions a month pays with their total, recorded as one payment by the city's
 * reviewers (paid on, the bank's reference) after a confirmation; and the settlements made.
 */
@Component({
  selector: 'app-settlements-page',
  imports: [
    FormsModule,
    TranslatePipe,
    DateTimePipe,
    ErrorAlert,
    DataKitStyles,
    FormKitStyles,
    ApplicationsKitStyles,
    NzButtonModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './settlements.page.html',
  styles: `
    .settle__choose {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: flex-end;
      margin-bottom: 16px;
    }
    .settle__choose label {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .settle__city {
      min-width: 200px;
    }
    .settle__total {
      margin: 12px 0;
      font-size: 16px;
    }
    .settle__error {
      color: #cf1322;
    }
  `,
})
export class SettlementsPage implements OnInit {
  private readonly api = inject(SettlementsApi);
  private readonly auth = inject(AuthApi);
  private readonly session = inject(SessionStore);
  private readonly clock = inject(PortalClockStore);
  private readonly translate = inject(TranslateService);
  private readonly languages = inject(LanguageService);
  private readonly destroyRef = inject(DestroyRef);

  /** Today in China, by the portal's clock (which a development clock may have moved). */
  protected readonly today = computed(() => {
    const now = this.clock.clock()?.now;
    return chinaDateOf(now ? new Date(now) : new Date());
  });
  private readonly memberships = computed(
    () => this.session.me()?.memberships ?? [],
  );
  /** The cities the user may record a settlement for (a city reviewer: their own). */
  private readonly recordable = computed(() =>
    grantsFor(this.memberships(), 'vouchers.settlements.record')
      .map((m) => m.regionCode)
      .filter((code): code is string => !!code),
  );
  protected readonly cities = signal<readonly RegionView[]>([]);
  protected readonly cityCode = signal('');
  protected readonly month = signal('');
  protected readonly mayRecord = computed(() =>
    this.recordable().includes(this.cityCode()),
  );
  protected readonly awaiting = signal<AwaitingSettlementView | null>(null);
  protected readonly history = signal<readonly SettlementSummaryView[]>([]);
  protected readonly opened = signal<SettlementView | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);

  protected readonly paidOn = signal('');
  protected readonly reference = signal('');
  protected readonly confirming = signal(false);
  protected readonly recording = signal(false);
  protected readonly recorded = signal<SettlementView | null>(null);

  protected readonly monthProblem = computed(() =>
    this.month() ? settlementMonthProblem(this.month(), this.today()) : null,
  );
  protected readonly paidOnProblem = computed(() =>
    this.paidOn()
      ? settlementPaidOnProblem(this.paidOn(), this.month(), this.today())
      : 'missing',
  );
  protected readonly referenceProblem = computed(() =>
    /^[A-Za-z0-9][A-Za-z0-9\-_/.]{3,63}$/.test(this.reference().trim())
      ? null
      : 'format',
  );
  protected readonly canRecord = computed(() => {
    const awaiting = this.awaiting();
    return (
      this.mayRecord() &&
      !!awaiting &&
      awaiting.settlementId === null &&
      awaiting.cases.length > 0 &&
      !this.paidOnProblem() &&
      !this.referenceProblem()
    );
  });

  constructor() {
    // This page's strings come with it, not with the first bundle.
    useFeatureTranslations(SETTLEMENTS_TRANSLATIONS);
  }

  ngOnInit(): void {
    this.month.set(this.today().slice(0, 7));
    this.paidOn.set(this.today());
    const scopes = grantsFor(this.memberships(), 'vouchers.settlements.read')
      .map((m) => m.regionCode)
      .filter((code): code is string => !!code);
    this.auth
      .allRegions()
      .pipe(
        catchError(() => of([] as RegionView[])),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((regions) => {
        const cities = regions.filter(
          (r) =>
            regionLevel(r.code) === 'city' &&
            scopes.some((scope) => regionContains(scope, r.code)),
        );
        this.cities.set(cities);
        const first = cities.find((c) => this.recordable().includes(c.code));
        const chosen = first ?? cities[0];
        if (chosen) this.chooseCity(chosen.code);
      });
  }

  protected chooseCity(code: string): void {
    this.cityCode.set(code);
    this.loadHistory();
    this.loadMonth();
  }

  protected chooseMonth(month: string): void {
    this.month.set(month);
    this.loadMonth();
  }

  protected loadMonth(): void {
    this.awaiting.set(null);
    this.confirming.set(false);
    this.recorded.set(null);
    if (!this.cityCode() || this.monthProblem()) return;
    this.loading.set(true);
    this.problem.set(null);
    this.api
      .awaiting(this.cityCode(), this.month())
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (view) => this.awaiting.set(view),
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }

  private loadHistory(): void {
    this.api
      .list(this.cityCode())
      .pipe(
        catchError(() => of([] as SettlementSummaryView[])),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((list) => this.history.set(list));
  }

  protected open(id: string): void {
    if (this.opened()?.id === id) {
      this.opened.set(null);
      return;
    }
    this.api
      .get(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (settlement) => this.opened.set(settlement),
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }

  protected record(): void {
    const awaiting = this.awaiting();
    if (!awaiting || !this.canRecord()) return;
    this.recording.set(true);
    this.problem.set(null);
    this.api
      .record({
        cityCode: awaiting.cityCode,
        month: awaiting.month,
        paidOn: this.paidOn(),
        paymentReference: this.reference().trim(),
        cases: awaiting.cases.map((c) => ({
          applicationId: c.applicationId,
          version: c.version,
          amountYuan: c.amountYuan,
        })),
      })
      .pipe(
        finalize(() => this.recording.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (settlement) => {
          this.confirming.set(false);
          this.reference.set('');
          this.loadMonth();
          this.loadHistory();
          this.recorded.set(settlement);
        },
        error: (error: unknown) => {
          this.confirming.set(false);
          this.problem.set(toApiProblem(error));
        },
      });
  }

  protected yuan(amount: number): string {
    return String(
      this.translate.instant('decision.yuan', {
        amount: amount.toLocaleString(this.languages.language(), {
          maximumFractionDigits: 2,
        }),
      }),
    );
  }
}

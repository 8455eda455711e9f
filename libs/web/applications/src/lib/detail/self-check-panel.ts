import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { CompanyYearFiguresView } from '@portal/contracts';
import { type ApplicationType, chinaDateOf, programmeOf } from '@portal/domain';
import { CompanyApi, PortalClockStore } from '@portal/web-data-access';
import { type ApiProblem, toApiProblem } from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { EligibilityReportView } from './eligibility-report';

/**
 * Before submitting: the programme's own eligibility rules (where its definition has any) applied
 * to the form as typed and the company's kept yearly figures, each rule passed or not with the
 * company's figure and the threshold, and the way to the figures page to put them right. The same
 * rules the automated check applies after submission; the panel knows none of them.
 */
@Component({
  selector: 'app-self-check-panel',
  imports: [
    RouterLink,
    TranslatePipe,
    NzTagModule,
    ErrorAlert,
    EligibilityReportView,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rules()) {
      <section class="self-check" data-testid="wizard-self-check">
        <div class="self-check__head">
          <h3 class="self-check__title">
            {{ 'wizard.selfCheck.title' | translate }}
          </h3>
          @if (report(); as report) {
            <nz-tag
              data-testid="wizard-self-check-verdict"
              [attr.data-passed]="report.passed"
              [nzColor]="report.passed ? 'success' : 'warning'"
              >{{
                (report.passed
                  ? 'wizard.selfCheck.passed'
                  : 'wizard.selfCheck.failed'
                ) | translate
              }}</nz-tag
            >
          }
        </div>
        <p class="app-muted">
          {{
            'wizard.selfCheck.intro' | translate: { date: applicationDate() }
          }}
        </p>
        <app-error-alert [problem]="problem()" />
        @if (years() === null && !problem()) {
          <p class="app-muted">{{ 'common.loading' | translate }}</p>
        } @else if (!judgeable()) {
          <p data-testid="wizard-self-check-form">
            {{ 'wizard.selfCheck.needsForm' | translate }}
          </p>
        } @else if (report(); as report) {
          <app-eligibility-report [report]="report" />
        } @else if (years() !== null) {
          <p data-testid="wizard-self-check-no-figures">
            {{ 'wizard.selfCheck.needsFigures' | translate: { year: year() } }}
          </p>
        }
        @if (readsGrants()) {
          <p class="app-muted" data-testid="wizard-self-check-grants">
            {{ 'wizard.selfCheck.grantsNote' | translate }}
          </p>
        }
        <a
          routerLink="/company/figures"
          data-testid="wizard-self-check-figures"
          >{{ 'wizard.selfCheck.figuresLink' | translate }}</a
        >
      </section>
    }
  `,
  styles: `
    .self-check {
      margin-top: 16px;
      padding: 12px 16px;
      border: 1px solid #f0f0f0;
      border-radius: 8px;
    }
    .self-check__head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .self-check__title {
      margin: 0;
      font-size: 15px;
      font-weight: 600;
    }
    p {
      margin: 8px 0;
    }
  `,
})
export class SelfCheckPanel implements OnInit {
  private readonly companies = inject(CompanyApi);
  private readonly clock = inject(PortalClockStore);
  private readonly destroyRef = inject(DestroyRef);

  readonly type = input.required<ApplicationType>();
  /** The form as typed (empty fields left out). */
  readonly form = input.required<Readonly<Record<string, unknown>>>();

  /** The programme's eligibility rules; null where its definition has none. */
  protected readonly rules = computed(
    () => programmeOf(this.type()).eligibility,
  );
  protected readonly readsGrants = computed(
    () => this.rules()?.readsGrants ?? false,
  );
  protected readonly years = signal<readonly CompanyYearFiguresView[] | null>(
    null,
  );
  protected readonly problem = signal<ApiProblem | null>(null);

  /** Today in Beijing on the portal's clock: the date a submission now would carry. */
  protected readonly applicationDate = computed(() => {
    const now = Date.parse(this.clock.clock()?.now ?? '') || Date.now();
    return chinaDateOf(new Date(now));
  });
  protected readonly year = computed(() =>
    Number(this.applicationDate().slice(0, 4)),
  );
  protected readonly judgeable = computed(
    () => this.rules()?.canJudge(this.form()) ?? false,
  );
  protected readonly report = computed(() => {
    const rules = this.rules();
    const years = this.years();
    if (!rules || years === null || !this.judgeable()) return null;
    const year = this.year();
    return rules.check({
      form: this.form(),
      applicationDate: this.applicationDate(),
      years: years.filter((y) => y.year < year),
      // What the portal granted is read by the automated check; the note above says so.
      grants: [],
    });
  });

  ngOnInit(): void {
    if (!this.rules()) return;
    this.companies
      .figures()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (years) => this.years.set(years),
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }
}

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
import {
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  chinaDateOf,
  HIGH_TECH_FORM,
  HIGH_TECH_POLICY,
  type HighTechField,
  type HighTechSelfCheck,
  type HighTechSelfCheckPrefill,
  type Labels,
} from '@portal/domain';
import { CompanyApi, PortalClockStore } from '@portal/web-data-access';
import {
  type ApiProblem,
  FieldErrorPipe,
  LabelPipe,
  LanguageService,
  toApiProblem,
} from '@portal/web-i18n';
import { ErrorAlert, applyServerErrors, revealErrors } from '@portal/web-ui';
import { DataKitStyles } from '@portal/web-ui/data-kit';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { finalize } from 'rxjs';

/** The high-tech field's options with their labels, as the application form offers them. */
const FIELD_OPTIONS: readonly { value: HighTechField; label: Labels }[] =
  (HIGH_TECH_FORM.sections
    .flatMap((section) => section.fields)
    .find((field) => field.key === 'field')?.options ?? []) as readonly {
    value: HighTechField;
    label: Labels;
  }[];

/**
 * The high-tech eligibility self-check: a few answers (the major-incident one prefilled from a
 * valid tech-SME registration), then each condition with its verdict, the company's figure and
 * the threshold in a sentence, and links to enter the fiscal years it lacks.
 */
@Component({
  selector: 'app-high-tech-self-check-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    NzTagModule,
    DataKitStyles,
    ErrorAlert,
    FieldErrorPipe,
    FormKitStyles,
    LabelPipe,
  ],
  templateUrl: './high-tech-self-check.page.html',
  styles: `
    .check__grid {
      display: grid;
      /* A field showing an error grows; its neighbours stay at the top of the row. */
      align-items: start;
      grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
      column-gap: 24px;
    }
    .check__grid input,
    .check__grid nz-select {
      width: 100%;
    }
    .check__rules {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .check__rule {
      display: flex;
      gap: 12px;
      align-items: flex-start;
      padding: 10px 0;
      border-bottom: 1px solid #f0f0f0;
    }
    .check__rule nz-tag {
      flex: none;
      min-width: 64px;
      margin-top: 1px;
      text-align: center;
    }
    .check__wide {
      grid-column: 1 / -1;
    }
    .check__wide nz-select {
      max-width: 260px;
    }
    .check__rule-title {
      font-weight: 600;
    }
    .check__links {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HighTechSelfCheckPage implements OnInit {
  private readonly companies = inject(CompanyApi);
  private readonly clock = inject(PortalClockStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly languages = inject(LanguageService);

  protected readonly policy = HIGH_TECH_POLICY;
  protected readonly fieldOptions = FIELD_OPTIONS;
  /** Today in Beijing on the portal's clock (else the browser's), as the API reads it. */
  protected readonly today = computed(() =>
    chinaDateOf(
      new Date(Date.parse(this.clock.clock()?.now ?? '') || Date.now()),
    ),
  );
  /** A registration date has happened: never after today (the API refuses it too). */
  private readonly notAfterToday: ValidatorFn = (control) =>
    typeof control.value === 'string' &&
    control.value !== '' &&
    control.value > this.today()
      ? { in_future: true }
      : null;
  protected readonly form = new FormGroup({
    registeredOn: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, this.notAfterToday],
    }),
    field: new FormControl<HighTechField | null>(null),
    majorIncidentLastYear: new FormControl<boolean | null>(null, {
      validators: [Validators.required],
    }),
    applicationDate: new FormControl('', { nonNullable: true }),
  });
  protected readonly prefill = signal<HighTechSelfCheckPrefill | null>(null);
  protected readonly keptYears = signal<readonly number[] | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly result = signal<HighTechSelfCheck | null>(null);
  /** The application year the result was computed for. */
  private readonly checkedYear = signal<number | null>(null);

  protected readonly failedCount = computed(
    () => this.result()?.rules.filter((rule) => !rule.passed).length ?? 0,
  );
  /** The three fiscal years before the application year that have no figures. */
  protected readonly missingYears = computed(() => {
    const year = this.checkedYear();
    const kept = this.keptYears();
    if (year === null || kept === null) return [];
    return [year - 3, year - 2, year - 1].filter((y) => !kept.includes(y));
  });

  protected readonly missingYearsText = computed(() =>
    this.missingYears().join(
      this.languages.language() === 'zh-CN' ? '、' : ', ',
    ),
  );

  ngOnInit(): void {
    this.companies
      .highTechSelfCheckPrefill()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (prefill) => {
          this.prefill.set(prefill);
          const answer = this.form.controls.majorIncidentLastYear;
          if (prefill.majorIncidentLastYear !== null && answer.pristine)
            answer.setValue(prefill.majorIncidentLastYear);
        },
        // Without a prefill the company answers every question itself.
        error: () => this.prefill.set(null),
      });
    this.companies
      .figures()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (years) => this.keptYears.set(years.map((y) => y.year)),
        error: () => this.keptYears.set(null),
      });
  }

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const value = this.form.getRawValue();
    const applicationDate = value.applicationDate || undefined;
    this.busy.set(true);
    this.problem.set(null);
    this.companies
      .highTechSelfCheck({
        registeredOn: value.registeredOn,
        field: value.field,
        majorIncidentLastYear: value.majorIncidentLastYear === true,
        ...(applicationDate ? { applicationDate } : {}),
      })
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (result) => {
          this.result.set(result);
          this.checkedYear.set(
            Number((applicationDate ?? this.today()).slice(0, 4)),
          );
        },
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          applyServerErrors(this.form, problem);
          this.problem.set(problem);
        },
      });
  }
}

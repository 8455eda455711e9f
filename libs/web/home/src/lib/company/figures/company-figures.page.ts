import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  OnInit,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormControl,
  FormGroup,
  NonNullableFormBuilder,
  FormsModule,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { CompanyYearFiguresView } from '@portal/contracts';
import {
  CompanyApi,
  PortalClockStore,
  SessionStore,
} from '@portal/web-data-access';
import {
  type ApiProblem,
  DateTimePipe,
  FieldErrorPipe,
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
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { finalize } from 'rxjs';
import {
  CONSISTENCY_RULES,
  COUNT_FIELDS,
  type FiguresForm,
  MONEY_FIELDS,
  type MoneyField,
  type MoneyUnit,
  cleanNumber,
  countValidator,
  figuresInput,
  fromYuan,
  moneyValidator,
  toYuan,
  withinValidator,
} from './figures-form';

/** The first fiscal year the API keeps. */
export const FIRST_FIGURES_YEAR = 2000;

/** The groups of the form, in the order of a year-end report. */
const GROUPS: readonly {
  readonly key: string;
  readonly fields: readonly {
    readonly name: string;
    readonly money: boolean;
  }[];
}[] = [
  {
    key: 'revenue',
    fields: [
      { name: 'totalRevenue', money: true },
      { name: 'salesRevenue', money: true },
      { name: 'highTechRevenue', money: true },
    ],
  },
  {
    key: 'rd',
    fields: [
      { name: 'rdExpense', money: true },
      { name: 'rdExpenseDomestic', money: true },
    ],
  },
  {
    key: 'staff',
    fields: [
      { name: 'staff', money: false },
      { name: 'scienceTechStaff', money: false },
    ],
  },
  {
    key: 'assets',
    fields: [
      { name: 'netAssets', money: true },
      { name: 'totalAssets', money: true },
      { name: 'totalCosts', money: true },
    ],
  },
  {
    key: 'ip',
    fields: [
      { name: 'ip.classOne', money: false },
      { name: 'ip.classTwo', money: false },
    ],
  },
];

/**
 * The company's yearly figures (one row per fiscal year), which high-tech certification and the
 * tech-SME evaluation read: entered once a year by the company's administrator, read-only for
 * other members. Money is typed in 万元 or yuan; the API keeps whole yuan.
 */
@Component({
  selector: 'app-company-figures-page',
  imports: [
    FormsModule,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    NzSpinModule,
    NzTableModule,
    DataKitStyles,
    DateTimePipe,
    ErrorAlert,
    FieldErrorPipe,
    FormKitStyles,
  ],
  templateUrl: './company-figures.page.html',
  styles: `
    .figures__grid {
      display: grid;
      /* A field showing an error grows; its neighbours stay at the top of the row. */
      align-items: start;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      column-gap: 24px;
    }
    .figures__grid nz-form-item,
    .figures__grid nz-input-group {
      width: 100%;
    }
    .figures__group {
      margin: 8px 0 4px;
      font-weight: 600;
    }
    .figures__head {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: flex-end;
    }
    .figures__head nz-form-item {
      margin-bottom: 12px;
    }
    .figures__year,
    .figures__unit {
      width: 140px;
    }
    .figures__actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .figures__num {
      text-align: right;
      white-space: nowrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompanyFiguresPage implements OnInit {
  private readonly companies = inject(CompanyApi);
  private readonly session = inject(SessionStore);
  private readonly clock = inject(PortalClockStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** `?year=2024` (from the self-check's missing years): open that year's form. */
  readonly year = input<string | undefined>();

  protected readonly groups = GROUPS;
  protected readonly years = signal<readonly CompanyYearFiguresView[]>([]);
  protected readonly loading = signal(true);
  protected readonly loadProblem = signal<ApiProblem | null>(null);
  protected readonly canEdit = computed(() =>
    this.session.can('company.profile.update'),
  );
  /** The year open in the form, null while none is. */
  protected readonly editing = signal<number | null>(null);
  protected readonly unit = signal<MoneyUnit>('wan');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly saved = signal<number | null>(null);

  protected readonly currentYear = computed(() => {
    const now = this.clock.clock()?.now;
    // The fiscal year in Beijing, as the API counts it.
    const date = new Date(Date.parse(now ?? '') || Date.now());
    return new Date(date.getTime() + 8 * 3_600_000).getUTCFullYear();
  });
  protected readonly yearOptions = computed(() => {
    const kept = new Set(this.years().map((y) => y.year));
    const options: { year: number; kept: boolean }[] = [];
    for (let y = this.currentYear(); y >= FIRST_FIGURES_YEAR; y--)
      options.push({ year: y, kept: kept.has(y) });
    return options;
  });

  protected readonly form: FiguresForm = this.buildForm();

  ngOnInit(): void {
    this.form.controls.year.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((year) => {
        if (this.editing() !== null && year !== this.editing())
          this.load(year, false);
      });
    this.form.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.recheckParts());
    this.companies
      .figures()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (years) => {
          this.years.set(years);
          this.loading.set(false);
          const asked = Number(this.year());
          if (Number.isInteger(asked) && asked >= FIRST_FIGURES_YEAR)
            this.open(asked);
        },
        error: (error: unknown) => {
          this.loadProblem.set(toApiProblem(error));
          this.loading.set(false);
        },
      });
  }

  /** Amount in yuan shown in 万元 in the list. */
  protected wan(yuan: number): string {
    return fromYuan(Math.round(yuan / 100) * 100, 'wan');
  }

  protected control(name: string): AbstractControl {
    return this.form.get(name) as AbstractControl;
  }

  protected fieldId(name: string): string {
    return `figures-${name.replace('.', '-')}`;
  }

  protected fieldKey(name: string): string {
    return name.replace('.', '_');
  }

  /** Opens a year's form: its kept figures, or an empty form for a new year. */
  protected open(year: number): void {
    this.saved.set(null);
    this.problem.set(null);
    this.editing.set(year);
    this.load(year, true);
    // The form opens below the list: bring it into view (on a phone it is off screen).
    afterNextRender(
      () =>
        this.host.nativeElement
          .querySelector('[data-testid="figures-form"]')
          ?.scrollIntoView?.({ block: 'start', behavior: 'smooth' }),
      { injector: this.injector },
    );
  }

  /** A new year: the most recent one not yet kept. */
  protected addYear(): void {
    const free = this.yearOptions().find(
      (o) => !o.kept && o.year < this.currentYear(),
    );
    this.open(free?.year ?? this.currentYear() - 1);
  }

  protected close(): void {
    this.editing.set(null);
    this.problem.set(null);
  }

  /** Converts what is typed to the other unit, so switching never changes an amount. */
  protected switchUnit(next: MoneyUnit): void {
    const previous = this.unit();
    if (next === previous) return;
    for (const field of MONEY_FIELDS) {
      const control = this.form.controls[field];
      const yuan = toYuan(control.value, previous);
      if (yuan !== null)
        control.setValue(fromYuan(yuan, next), { emitEvent: false });
    }
    this.unit.set(next);
    for (const field of MONEY_FIELDS)
      this.form.controls[field].updateValueAndValidity({ emitEvent: false });
  }

  protected submit(): void {
    if (!this.canEdit()) return;
    this.recheckParts();
    if (this.form.invalid) {
      revealErrors(this.form);
      revealErrors(this.form.controls.ip);
      return;
    }
    const year = this.form.controls.year.value;
    this.busy.set(true);
    this.problem.set(null);
    this.saved.set(null);
    this.companies
      .saveFigures(year, figuresInput(this.form, this.unit()))
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (row) => {
          this.years.update((years) =>
            [...years.filter((y) => y.year !== row.year), row].sort(
              (a, b) => b.year - a.year,
            ),
          );
          this.saved.set(row.year);
          this.editing.set(null);
        },
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          applyServerErrors(this.form, problem);
          this.problem.set(problem);
        },
      });
  }

  private load(year: number, setYear: boolean): void {
    const row = this.years().find((y) => y.year === year);
    const unit = this.unit();
    const money = (field: MoneyField) =>
      row ? fromYuan(row[field], unit) : '';
    const count = (value: number | undefined) =>
      value === undefined ? '' : String(value);
    this.form.reset(
      {
        year: setYear ? year : this.form.controls.year.value,
        totalRevenue: money('totalRevenue'),
        salesRevenue: money('salesRevenue'),
        highTechRevenue: money('highTechRevenue'),
        rdExpense: money('rdExpense'),
        rdExpenseDomestic: money('rdExpenseDomestic'),
        staff: count(row?.staff),
        scienceTechStaff: count(row?.scienceTechStaff),
        netAssets: money('netAssets'),
        totalAssets: money('totalAssets'),
        totalCosts: money('totalCosts'),
        ip: {
          classOne: count(row?.ip.classOne),
          classTwo: count(row?.ip.classTwo),
        },
      },
      { emitEvent: false },
    );
    if (this.canEdit()) this.form.enable({ emitEvent: false });
    else this.form.disable({ emitEvent: false });
  }

  /** A changed whole re-checks its parts, which the user may already have typed. */
  private recheckParts(): void {
    for (const rule of CONSISTENCY_RULES)
      this.form.controls[rule.field].updateValueAndValidity({
        emitEvent: false,
      });
  }

  private buildForm(): FiguresForm {
    const text = (control: AbstractControl | null | undefined) => {
      const value: unknown = control?.value;
      return typeof value === 'string' && value.trim() ? value : null;
    };
    const readMoney = (control: AbstractControl | null | undefined) => {
      const value = text(control);
      return value === null ? null : toYuan(value, this.unit());
    };
    const readCount = (control: AbstractControl | null | undefined) => {
      const value = text(control);
      return value !== null && /^\d+$/.test(cleanNumber(value))
        ? Number(cleanNumber(value))
        : null;
    };
    const part = (name: string, read: typeof readCount) =>
      CONSISTENCY_RULES.filter((rule) => rule.field === name).map((rule) =>
        withinValidator(rule.whole, rule.code, read),
      );
    const money = (name: MoneyField) =>
      new FormControl('', {
        nonNullable: true,
        validators: [
          Validators.required,
          moneyValidator(() => this.unit()),
          ...part(name, readMoney),
        ],
      });
    const count = (name?: string) =>
      new FormControl('', {
        nonNullable: true,
        validators: [
          Validators.required,
          countValidator(),
          ...(name ? part(name, readCount) : []),
        ],
      });
    const [staff, scienceTechStaff] = COUNT_FIELDS;
    return new FormGroup({
      year: this.fb.control(this.currentYear() - 1, [
        Validators.required,
        Validators.min(FIRST_FIGURES_YEAR),
      ]),
      totalRevenue: money('totalRevenue'),
      salesRevenue: money('salesRevenue'),
      highTechRevenue: money('highTechRevenue'),
      rdExpense: money('rdExpense'),
      rdExpenseDomestic: money('rdExpenseDomestic'),
      staff: count(staff),
      scienceTechStaff: count(scienceTechStaff),
      netAssets: money('netAssets'),
      totalAssets: money('totalAssets'),
      totalCosts: money('totalCosts'),
      ip: new FormGroup({ classOne: count(), classTwo: count() }),
    });
  }
}

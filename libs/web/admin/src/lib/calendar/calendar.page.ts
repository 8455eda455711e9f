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
import {
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type {
  CalendarOverrideView,
  CalendarPublishedDay,
  CalendarYearView,
} from '@portal/contracts';
import { BureauAdminApi, PortalClockStore } from '@portal/web-data-access';
import {
  type ApiProblem,
  LanguageService,
  toApiProblem,
  useFeatureTranslations,
} from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { portalYear, YearSelect, yearsAround } from '../shared/year-select';
import { BUREAU_ADMIN_TRANSLATIONS } from '../bureau-admin.translations';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { finalize } from 'rxjs';

/** A published holiday: its days off and its make-up working days. */
export interface PublishedHoliday {
  readonly name: string;
  readonly off: readonly string[];
  readonly workdays: readonly string[];
}

/**
 * The library names a day "National Day,国庆节,3": English, Chinese, and an ordinal. The
 * holidays in date order, each with its days off and make-up days.
 */
export function groupPublished(
  days: readonly CalendarPublishedDay[],
  language: 'zh-CN' | 'en',
): PublishedHoliday[] {
  const groups = new Map<string, { off: string[]; workdays: string[] }>();
  for (const day of days) {
    const [en, zh] = day.name.split(',');
    const name = (language === 'en' ? en : zh) || day.name;
    const group = groups.get(name) ?? { off: [], workdays: [] };
    (day.kind === 'holiday' ? group.off : group.workdays).push(day.date);
    groups.set(name, group);
  }
  // In the order of their first day off (a make-up day may come before another holiday).
  return [...groups]
    .map(([name, g]) => ({ name, ...g }))
    .sort((a, b) =>
      (a.off[0] ?? a.workdays[0]).localeCompare(b.off[0] ?? b.workdays[0]),
    );
}

/**
 * The holiday calendar the working-day clocks use: the year's published holidays and make-up
 * days from the library, the local overrides on top, and the revision each change creates
 * (every clock rereads the overrides when it moves on).
 */
@Component({
  selector: 'app-calendar-page',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    ErrorAlert,
    FormKitStyles,
    YearSelect,
    NzButtonModule,
    NzInputModule,
    NzSpinModule,
    NzTagModule,
  ],
  templateUrl: './calendar.page.html',
  styleUrl: './calendar.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarPage implements OnInit {
  private readonly api = inject(BureauAdminApi);
  private readonly clock = inject(PortalClockStore).clock;
  private readonly language = inject(LanguageService);
  private readonly messages = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly year = signal(new Date().getFullYear());
  protected readonly years = signal<readonly number[]>([]);
  protected readonly view = signal<CalendarYearView | null>(null);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  /** The revision the last change here created. */
  protected readonly createdRevision = signal<number | null>(null);

  protected readonly published = computed(() =>
    groupPublished(this.view()?.published ?? [], this.language.language()),
  );

  protected readonly form = new FormGroup({
    date: new FormControl('', {
      nonNullable: true,
      validators: Validators.required,
    }),
    kind: new FormControl<'holiday' | 'workday'>('holiday', {
      nonNullable: true,
    }),
    note: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.minLength(2)],
    }),
  });

  constructor() {
    // This feature's strings come with its pages, not with the first bundle.
    useFeatureTranslations(BUREAU_ADMIN_TRANSLATIONS);
  }

  ngOnInit(): void {
    const current = portalYear(this.clock());
    this.year.set(current);
    this.years.set(yearsAround(current, 1, 1));
    this.load();
  }

  /** Dates as a list in the reader's language. */
  protected days(dates: readonly string[]): string {
    if (!dates.length) return '—';
    return dates.join(this.language.language() === 'en' ? ', ' : '、');
  }

  protected chooseYear(year: number): void {
    this.year.set(Number(year));
    this.load();
  }

  /** Reads the year; `markRevision`: after a removal, whose 204 carries no revision. */
  protected load(markRevision = false): void {
    this.loading.set(true);
    this.problem.set(null);
    this.api
      .calendarYear(this.year())
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (view) => {
          this.view.set(view);
          if (markRevision) this.createdRevision.set(view.revision);
        },
        error: (e: unknown) => this.problem.set(toApiProblem(e)),
      });
  }

  protected add(): void {
    if (this.form.invalid || this.saving()) {
      this.form.markAllAsTouched();
      return;
    }
    const { date, kind, note } = this.form.getRawValue();
    this.saving.set(true);
    this.problem.set(null);
    this.api
      .setCalendarOverride(date, { kind, note })
      .pipe(
        finalize(() => this.saving.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (saved) => {
          this.createdRevision.set(saved.revision ?? null);
          this.messages.success(
            this.translate.instant('calendar.saved', {
              revision: saved.revision,
            }),
          );
          this.form.reset({ date: '', kind: 'holiday', note: '' });
          this.load();
        },
        error: (e: unknown) => this.problem.set(toApiProblem(e)),
      });
  }

  /** The override whose removal waits for the administrator's confirmation. */
  protected readonly confirming = signal<string | null>(null);

  protected askRemove(override: CalendarOverrideView): void {
    this.confirming.set(override.date);
  }

  protected remove(override: CalendarOverrideView): void {
    this.confirming.set(null);
    this.api
      .removeCalendarOverride(override.date)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.messages.success(this.translate.instant('calendar.removed'));
          this.load(true);
        },
        error: (e: unknown) => this.problem.set(toApiProblem(e)),
      });
  }
}

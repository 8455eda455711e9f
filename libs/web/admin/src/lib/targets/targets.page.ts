import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type OnInit,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { YearlyTargetView } from '@portal/contracts';
import {
  TARGET_MEASURES,
  type TargetMeasure,
  targetValueProblem,
} from '@portal/domain';
import { BureauAdminApi, PortalClockStore } from '@portal/web-data-access';
import {
  type ApiProblem,
  DateTimePipe,
  LabelPipe,
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
import { finalize } from 'rxjs';

/** One region's targets as the page edits them: text per measure, as typed. */
interface Draft {
  readonly view: YearlyTargetView;
  readonly values: Record<TargetMeasure, string>;
  gdp: string;
  saving: boolean;
  problem: ApiProblem | null;
  /** Measures whose typed value the domain's rule refuses (shown beside the field). */
  invalid: Partial<Record<TargetMeasure | 'gdp', string>>;
}

function draftOf(view: YearlyTargetView): Draft {
  const values = Object.fromEntries(
    TARGET_MEASURES.map((m) => [m.key, view.values[m.key]?.toString() ?? '']),
  ) as Record<TargetMeasure, string>;
  return {
    view,
    values,
    gdp: view.gdpWanYuan?.toString() ?? '',
    saving: false,
    problem: null,
    invalid: {},
  };
}

/**
 * The yearly targets of the admin's region and those below it (the seed report's measures),
 * one card per region, with the region's GDP that year; each saved on its own.
 */
@Component({
  selector: 'app-targets-page',
  imports: [
    FormsModule,
    TranslatePipe,
    DateTimePipe,
    LabelPipe,
    ErrorAlert,
    FormKitStyles,
    YearSelect,
    NzButtonModule,
    NzInputModule,
    NzSpinModule,
  ],
  templateUrl: './targets.page.html',
  styleUrl: './targets.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TargetsPage implements OnInit {
  private readonly api = inject(BureauAdminApi);
  private readonly clock = inject(PortalClockStore).clock;
  private readonly messages = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly measures = TARGET_MEASURES;
  protected readonly year = signal(new Date().getFullYear());
  protected readonly years = signal<readonly number[]>([]);
  protected readonly drafts = signal<readonly Draft[]>([]);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);

  constructor() {
    // This feature's strings come with its pages, not with the first bundle.
    useFeatureTranslations(BUREAU_ADMIN_TRANSLATIONS);
  }

  ngOnInit(): void {
    const current = portalYear(this.clock());
    this.year.set(current);
    this.years.set(yearsAround(current, 1, 2));
    this.load();
  }

  protected chooseYear(year: number): void {
    this.year.set(Number(year));
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.problem.set(null);
    this.api
      .targets(this.year())
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (views) => this.drafts.set(views.map(draftOf)),
        error: (e: unknown) => this.problem.set(toApiProblem(e)),
      });
  }

  /** The R&D spending the percentage target means, in 万元, once the GDP is known. */
  protected rdNeeded(draft: Draft): number | null {
    const gdp = Number(draft.gdp);
    const share = Number(draft.values.rd_share_of_gdp);
    if (!draft.gdp || !draft.values.rd_share_of_gdp || !gdp || !share)
      return null;
    return Math.round((gdp * share) / 100);
  }

  protected save(draft: Draft): void {
    const invalid: Draft['invalid'] = {};
    const values: Partial<Record<TargetMeasure, number>> = {};
    for (const m of TARGET_MEASURES) {
      const text = draft.values[m.key].trim();
      const value = Number(text);
      const problem =
        text === '' ? 'Enter a number' : targetValueProblem(m.key, value);
      if (problem) invalid[m.key] = problem;
      else values[m.key] = value;
    }
    const gdpText = draft.gdp.trim();
    const gdp = gdpText === '' ? null : Number(gdpText);
    if (gdp !== null && (!Number.isInteger(gdp) || gdp < 0))
      invalid.gdp = 'Use whole 万元';
    this.patch(draft, { invalid, problem: null });
    if (Object.keys(invalid).length) return;
    this.patch(draft, { saving: true });
    this.api
      .setTargets(this.year(), draft.view.regionCode, {
        values,
        gdpWanYuan: gdp,
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => {
          this.drafts.update((all) =>
            all.map((d) => (d === draft ? draftOf(view) : d)),
          );
          this.messages.success(
            this.translate.instant('targets.saved', {
              region: view.regionName,
            }),
          );
        },
        error: (e: unknown) =>
          this.patch(draft, { saving: false, problem: toApiProblem(e) }),
      });
  }

  private patch(draft: Draft, change: Partial<Draft>): void {
    Object.assign(draft, change);
    this.drafts.update((all) => [...all]);
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type {
  CallStatus,
  CallView,
  CompanyView,
  MyApplicationSummary,
  MyApplicationsQuery,
} from '@portal/contracts';
import {
  APPLICATION_PHASES,
  APPLICATION_TYPES,
  chinaDateOf,
  type ApplicationPhase,
  type ApplicationType,
} from '@portal/domain';
import {
  ApplicationsApi,
  CompanyApi,
  PortalClockStore,
  SessionStore,
} from '@portal/web-data-access';
import {
  type ApiProblem,
  DateTimePipe,
  LabelPipe,
  toApiProblem,
} from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { DataKitStyles } from '@portal/web-ui/data-kit';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { finalize, merge } from 'rxjs';
import { typeLabel } from '../shared/application-type';
import { ApplicationsKitStyles } from '../shared/applications-kit-styles';

/** Calls an enterprise may start a draft in: open ones, and upcoming ones to prepare early. */
const STARTABLE: readonly CallStatus[] = ['open', 'upcoming'];

const CALL_STATUS_COLORS: Readonly<Record<CallStatus, string>> = {
  open: 'success',
  upcoming: 'processing',
  closed: 'default',
};

/** How far back the year filter reaches. */
const YEARS_SHOWN = 6;

/**
 * The company's applications, newest first, filtered by programme, status, year and text, each
 * with the next deadline the company has to meet; and the way to start a new one in a call. A
 * company the county has not verified yet has none and may start none: the page says so and what
 * follows.
 */
@Component({
  selector: 'app-my-applications-page',
  imports: [
    RouterLink,
    ReactiveFormsModule,
    TranslatePipe,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    NzModalModule,
    NzTableModule,
    NzTagModule,
    ApplicationsKitStyles,
    DataKitStyles,
    DateTimePipe,
    ErrorAlert,
    LabelPipe,
  ],
  templateUrl: './my-applications.page.html',
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: flex-end;
      margin-bottom: 16px;
    }
    .filters nz-select {
      min-width: 170px;
    }
    .filters__text {
      width: 240px;
    }
    .filters__field {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .filters__label {
      font-size: 12px;
      color: rgba(0, 0, 0, 0.65);
    }
    .deadline {
      display: flex;
      flex-direction: column;
      line-height: 1.4;
    }
    .deadline__days {
      font-size: 12px;
      color: rgba(0, 0, 0, 0.65);
    }
    .deadline--near .deadline__days {
      color: #ad6800;
      font-weight: 600;
    }
    .deadline--overdue .deadline__days {
      color: #a8071a;
      font-weight: 600;
    }
    @media (max-width: 575px) {
      .filters__field,
      .filters nz-select,
      .filters__text {
        width: 100%;
      }
      .deadline {
        align-items: flex-end;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyApplicationsPage implements OnInit {
  private readonly api = inject(ApplicationsApi);
  private readonly companies = inject(CompanyApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly clock = inject(PortalClockStore);

  protected readonly types = APPLICATION_TYPES;
  protected readonly phases = APPLICATION_PHASES;
  /** This year (Beijing time, on the portal's clock) and the ones before it. */
  protected readonly years = computed(() => {
    const now = Date.parse(this.clock.clock()?.now ?? '') || Date.now();
    const year = Number(chinaDateOf(new Date(now)).slice(0, 4));
    return Array.from({ length: YEARS_SHOWN }, (_, i) => year - i);
  });
  protected readonly filter = new FormGroup({
    type: new FormControl<ApplicationType | ''>('', { nonNullable: true }),
    phase: new FormControl<ApplicationPhase | ''>('', { nonNullable: true }),
    year: new FormControl<number | null>(null),
    q: new FormControl('', { nonNullable: true }),
  });
  /** The filters the list shown was read with. */
  private readonly applied = signal<
    Omit<MyApplicationsQuery, 'cursor' | 'limit'>
  >({});
  protected readonly filtered = computed(
    () => Object.keys(this.applied()).length > 0,
  );

  protected readonly items = signal<readonly MyApplicationSummary[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  /** The company while the county has not verified it (pending or rejected); null once verified. */
  protected readonly unverified = signal<CompanyView | null>(null);

  protected readonly choosing = signal(false);
  protected readonly calls = signal<readonly CallView[] | null>(null);
  protected readonly creating = signal<string | null>(null);
  protected readonly callProblem = signal<ApiProblem | null>(null);
  protected readonly callStatusColors = CALL_STATUS_COLORS;
  protected readonly typeLabel = typeLabel;

  constructor() {
    // A choice applies at once; the text applies on Enter or the search button.
    merge(
      this.filter.controls.type.valueChanges,
      this.filter.controls.phase.valueChanges,
      this.filter.controls.year.valueChanges,
    )
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.applyFilter());
  }

  ngOnInit(): void {
    if (!this.session.can('company.profile.read')) {
      this.load();
      return;
    }
    this.companies
      .mine()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (company) => {
          if (company.verificationStatus === 'verified') this.load();
          else this.unverified.set(company);
        },
        // The list says what is wrong, if anything.
        error: () => this.load(),
      });
  }

  /** Reads the first page under the filters as entered. */
  protected applyFilter(): void {
    const { type, phase, year, q } = this.filter.getRawValue();
    const text = q.trim();
    this.applied.set({
      ...(type ? { type } : {}),
      ...(phase ? { phase } : {}),
      ...(year ? { year } : {}),
      ...(text ? { q: text.slice(0, 100) } : {}),
    });
    this.load();
  }

  protected clearFilter(): void {
    this.filter.reset(
      { type: '', phase: '', year: null, q: '' },
      { emitEvent: false },
    );
    this.applyFilter();
  }

  /** The first page, or with `more` the page after the last one shown. */
  protected load(more = false): void {
    const cursor = more ? this.nextCursor() : null;
    this.loading.set(true);
    this.problem.set(null);
    this.api
      .mine(cursor, this.applied())
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (page) => {
          this.items.update((items) =>
            more ? [...items, ...page.items] : page.items,
          );
          this.nextCursor.set(page.nextCursor);
          this.loaded.set(true);
        },
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }

  protected chooseCall(): void {
    this.choosing.set(true);
    this.calls.set(null);
    this.callProblem.set(null);
    this.api
      .calls()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (calls) =>
          this.calls.set(calls.filter((c) => STARTABLE.includes(c.status))),
        error: (error: unknown) => {
          this.calls.set([]);
          this.callProblem.set(toApiProblem(error));
        },
      });
  }

  protected closeChooser(): void {
    if (this.creating() === null) this.choosing.set(false);
  }

  protected start(call: CallView): void {
    this.creating.set(call.id);
    this.callProblem.set(null);
    this.api
      .create({ callId: call.id })
      .pipe(
        finalize(() => this.creating.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (created) => {
          this.choosing.set(false);
          void this.router.navigate(['/applications', created.id]);
        },
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          // Refused for the company (the county has not verified it, or no longer): say that.
          if (problem.status === 403) this.checkCompany(problem);
          else this.callProblem.set(problem);
        },
      });
  }

  /** After a refusal: an unverified company's notice replaces the list; else the refusal shows. */
  private checkCompany(refusal: ApiProblem): void {
    this.companies
      .mine()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (company) => {
          if (company.verificationStatus === 'verified') {
            this.callProblem.set(refusal);
            return;
          }
          this.choosing.set(false);
          this.unverified.set(company);
        },
        error: () => this.callProblem.set(refusal),
      });
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type {
  ApplicationSummary,
  CallStatus,
  CallView,
  CompanyView,
} from '@portal/contracts';
import {
  ApplicationsApi,
  CompanyApi,
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
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { finalize } from 'rxjs';
import { typeLabel } from '../shared/application-type';
import { ApplicationsKitStyles } from '../shared/applications-kit-styles';

/** Calls an enterprise may start a draft in: open ones, and upcoming ones to prepare early. */
const STARTABLE: readonly CallStatus[] = ['open', 'upcoming'];

const CALL_STATUS_COLORS: Readonly<Record<CallStatus, string>> = {
  open: 'success',
  upcoming: 'processing',
  closed: 'default',
};

/**
 * The company's applications, newest first, and the way to start a new one in a call. A company
 * the county has not verified yet has none and may start none: the page says so and what follows.
 */
@Component({
  selector: 'app-my-applications-page',
  imports: [
    RouterLink,
    TranslatePipe,
    NzAlertModule,
    NzButtonModule,
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
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyApplicationsPage implements OnInit {
  private readonly api = inject(ApplicationsApi);
  private readonly companies = inject(CompanyApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly items = signal<readonly ApplicationSummary[]>([]);
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

  /** The first page, or with `more` the page after the last one shown. */
  protected load(more = false): void {
    const cursor = more ? this.nextCursor() : null;
    this.loading.set(true);
    this.problem.set(null);
    this.api
      .mine(cursor)
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

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
import { Router, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type {
  CallStatus,
  CallView,
  VerificationStatus,
} from '@portal/contracts';
import { ApplicationsApi, CompanyApi } from '@portal/web-data-access';
import {
  type ApiProblem,
  DateTimePipe,
  LabelPipe,
  toApiProblem,
} from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { finalize } from 'rxjs';
import { typeLabel } from '../shared/application-type';

export type CallFilter = 'all' | CallStatus;

/**
 * What a company can do in a call now, from the call, its own case in it and its verification:
 * continue its draft, view its filed case, start one, or why it cannot (yet).
 */
export type CallFiling =
  | 'continue'
  | 'view'
  | 'start'
  | 'verifying'
  | 'unverified'
  | 'upcoming'
  | 'closed'
  /** The company's verification is not read yet. */
  | 'unknown';

export function callFiling(
  call: CallView,
  verification: VerificationStatus | null,
): CallFiling {
  if (call.ownApplication)
    return call.ownApplication.draft ? 'continue' : 'view';
  if (call.status === 'upcoming') return 'upcoming';
  if (call.status === 'closed') return 'closed';
  if (verification === 'verified') return 'start';
  if (verification === 'pending') return 'verifying';
  return verification === 'rejected' ? 'unverified' : 'unknown';
}

const ORDER: Record<CallStatus, number> = { open: 0, upcoming: 1, closed: 2 };

/** Open calls first, the nearest deadline first; then upcoming by opening; then closed, latest first. */
export function sortCalls(calls: readonly CallView[]): CallView[] {
  return [...calls].sort((a, b) => {
    if (a.status !== b.status) return ORDER[a.status] - ORDER[b.status];
    if (a.status === 'upcoming') return a.opensAt.localeCompare(b.opensAt);
    if (a.status === 'closed') return b.closesAt.localeCompare(a.closesAt);
    return a.closesAt.localeCompare(b.closesAt);
  });
}

/**
 * The calls for applications (申报批次) that reach the company's region: open, upcoming and
 * closed; what each funds, its window and the working days left; and whether the company can
 * file now, with a "start filing" that creates the draft and opens it.
 */
@Component({
  selector: 'app-calls-page',
  imports: [
    RouterLink,
    TranslatePipe,
    NzAlertModule,
    NzButtonModule,
    NzSpinModule,
    NzTagModule,
    DateTimePipe,
    ErrorAlert,
    LabelPipe,
  ],
  templateUrl: './calls.page.html',
  styleUrl: './calls.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CallsPage implements OnInit {
  private readonly api = inject(ApplicationsApi);
  private readonly company = inject(CompanyApi);
  private readonly router = inject(Router);
  private readonly messages = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly typeLabel = typeLabel;
  protected readonly filters: readonly CallFilter[] = [
    'all',
    'open',
    'upcoming',
    'closed',
  ];
  protected readonly filter = signal<CallFilter>('all');
  protected readonly calls = signal<readonly CallView[]>([]);
  protected readonly verification = signal<VerificationStatus | null>(null);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  /** The call a draft is being started in. */
  protected readonly starting = signal<string | null>(null);

  protected readonly shown = computed(() => {
    const filter = this.filter();
    return sortCalls(
      this.calls().filter((c) => filter === 'all' || c.status === filter),
    ).map((call) => ({
      call,
      filing: callFiling(call, this.verification()),
    }));
  });
  protected readonly counts = computed(() => {
    const counts: Record<CallFilter, number> = {
      all: 0,
      open: 0,
      upcoming: 0,
      closed: 0,
    };
    for (const call of this.calls()) {
      counts.all++;
      counts[call.status]++;
    }
    return counts;
  });

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.problem.set(null);
    this.company
      .mine()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (company) => this.verification.set(company.verificationStatus),
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
    this.api
      .calls()
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (calls) => {
          this.calls.set(calls);
          this.loaded.set(true);
        },
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }

  /** Creates the draft in the call and opens it. */
  protected start(call: CallView): void {
    if (this.starting()) return;
    this.starting.set(call.id);
    this.problem.set(null);
    this.api
      .create({ callId: call.id })
      .pipe(
        finalize(() => this.starting.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (draft) => {
          this.messages.success(
            this.translate.instant('calls.started', {
              reference: draft.reference,
            }),
          );
          void this.router.navigate(['/applications', draft.id]);
        },
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }
}

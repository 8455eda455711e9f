import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { MyExpertConflictsView } from '@portal/contracts';
import { ApplicationsApi, SessionStore } from '@portal/web-data-access';
import { type ApiProblem, toApiProblem } from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzMessageService } from 'ng-zorro-antd/message';
import { finalize, switchMap } from 'rxjs';

/**
 * An expert's declared conflicts of interest: the companies they are never drawn for. One is
 * added from an assigned case ("I have a conflict with this company"); here each can be
 * withdrawn after a confirmation. Shown only to experts.
 */
@Component({
  selector: 'app-expert-conflicts',
  imports: [TranslatePipe, NzButtonModule, ErrorAlert],
  template: `
    @if (isExpert()) {
      <section class="app-panel" data-testid="expert-conflicts">
        <div class="app-panel__head">
          <h2 class="app-panel__title">
            {{ 'expertConflicts.title' | translate }}
          </h2>
        </div>
        <p class="app-muted">{{ 'expertConflicts.hint' | translate }}</p>
        <app-error-alert [problem]="problem()" />
        @if (profile(); as profile) {
          @if (profile.conflicts.length) {
            <ul class="conflicts">
              @for (c of profile.conflicts; track c.organisationId) {
                <li data-testid="expert-conflict">
                  <span class="conflicts__name">{{
                    c.name || ('expertConflicts.unknown' | translate)
                  }}</span>
                  @if (pending() === c.organisationId) {
                    <span class="conflicts__confirm" role="group">
                      {{ 'expertConflicts.confirm' | translate }}
                      <button
                        nz-button
                        nzSize="small"
                        nzType="primary"
                        type="button"
                        data-testid="expert-conflict-confirm"
                        [nzLoading]="busy()"
                        (click)="withdraw(c.organisationId)"
                      >
                        {{ 'expertConflicts.withdraw' | translate }}
                      </button>
                      <button
                        nz-button
                        nzSize="small"
                        type="button"
                        [disabled]="busy()"
                        (click)="pending.set(null)"
                      >
                        {{ 'common.cancel' | translate }}
                      </button>
                    </span>
                  } @else {
                    <button
                      nz-button
                      nzSize="small"
                      type="button"
                      data-testid="expert-conflict-withdraw"
                      [attr.aria-label]="
                        'expertConflicts.withdrawFor'
                          | translate: { name: c.name }
                      "
                      (click)="pending.set(c.organisationId)"
                    >
                      {{ 'expertConflicts.withdraw' | translate }}
                    </button>
                  }
                </li>
              }
            </ul>
          } @else {
            <p data-testid="expert-conflicts-none">
              {{ 'expertConflicts.none' | translate }}
            </p>
          }
        }
      </section>
    }
  `,
  styles: `
    .conflicts {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .conflicts li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 8px 0;
      border-bottom: 1px solid #f0f0f0;
    }
    .conflicts__name {
      flex: 1 1 200px;
    }
    .conflicts__confirm {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExpertConflicts {
  private readonly api = inject(ApplicationsApi);
  private readonly session = inject(SessionStore);
  private readonly messages = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly isExpert = computed(() =>
    (this.session.me()?.memberships ?? []).some((m) => m.role === 'expert'),
  );
  protected readonly profile = signal<MyExpertConflictsView | null>(null);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly busy = signal(false);
  /** The organisation whose withdrawal waits for its confirmation. */
  protected readonly pending = signal<string | null>(null);

  constructor() {
    effect(() => {
      if (this.isExpert()) untracked(() => this.load());
    });
  }

  protected withdraw(organisationId: string): void {
    const current = this.profile();
    if (!current) return;
    this.busy.set(true);
    this.problem.set(null);
    this.api
      .declareConflicts(
        current.conflicts
          .map((c) => c.organisationId)
          .filter((id) => id !== organisationId),
      )
      .pipe(
        switchMap(() => this.api.myExpertConflicts()),
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (profile) => {
          this.pending.set(null);
          this.profile.set(profile);
          this.messages.success(
            this.translate.instant('expertConflicts.withdrawn'),
          );
        },
        error: (error: unknown) => {
          this.pending.set(null);
          this.problem.set(toApiProblem(error));
        },
      });
  }

  private load(): void {
    this.api
      .myExpertConflicts()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (profile) => this.profile.set(profile),
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }
}

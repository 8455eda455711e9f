import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { InboxItem } from '@portal/contracts';
import { InboxApi } from '@portal/web-data-access';
import { type ApiProblem, LabelPipe, toApiProblem } from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { DataKitStyles } from '@portal/web-ui/data-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { forkJoin } from 'rxjs';
import { dueBadge } from './inbox.page';

/** How many of the longest-waiting cases the home page lists. */
export const DESK_PREVIEW = 5;

/**
 * The home page's view of the user's desk (a reviewer's stage, an expert's assignments, a bank's
 * or provider's cases): how many wait and how many are overdue, and the longest-waiting few.
 */
@Component({
  selector: 'app-desk-section',
  imports: [
    RouterLink,
    TranslatePipe,
    LabelPipe,
    ErrorAlert,
    DataKitStyles,
    NzButtonModule,
    NzTagModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .desk__figures {
      display: flex;
      flex-wrap: wrap;
      gap: 12px 32px;
      margin: 0 0 12px;
    }
    .desk__figure strong {
      display: block;
      font-size: 24px;
      line-height: 32px;
    }
    .desk__figure--overdue strong {
      color: #cf1322;
    }
    .desk__list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .desk__list li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: center;
      padding: 8px 0;
      border-top: 1px solid #f0f0f0;
    }
    .desk__case {
      flex: 1 1 240px;
      min-width: 0;
    }
  `,
  template: `
    <app-data-kit-styles />
    <section class="app-panel" data-testid="desk-section">
      <div class="app-panel__head">
        <h2 class="app-panel__title">{{ 'desk.title' | translate }}</h2>
        <a
          nz-button
          nzType="primary"
          routerLink="/inbox"
          data-testid="desk-open-inbox"
          >{{ 'desk.openInbox' | translate }}</a
        >
      </div>
      <app-error-alert [problem]="problem()" />
      @if (figures(); as figures) {
        <div class="desk__figures">
          <p class="desk__figure" data-testid="desk-waiting">
            <strong>{{ figures.waiting }}</strong>
            {{ 'desk.waiting' | translate }}
          </p>
          <p
            class="desk__figure"
            data-testid="desk-overdue"
            [class.desk__figure--overdue]="figures.overdue > 0"
          >
            <strong>{{ figures.overdue }}</strong>
            {{ 'desk.overdue' | translate }}
          </p>
        </div>
        @if (oldest().length) {
          <h3 class="app-muted">{{ 'desk.longestWaiting' | translate }}</h3>
          <ul class="desk__list">
            @for (item of oldest(); track item.id) {
              <li data-testid="desk-case">
                <span class="desk__case">
                  <a
                    [routerLink]="['/applications', item.id]"
                    class="app-mono"
                    >{{ item.reference }}</a
                  >
                  · {{ item.companyName }} ·
                  {{ item.status.stage ?? item.status.label | appLabel }}
                </span>
                @if (dueBadge(item); as badge) {
                  <nz-tag [nzColor]="badge.color">{{
                    badge.key | translate: { count: badge.count }
                  }}</nz-tag>
                }
              </li>
            }
          </ul>
        } @else {
          <p class="app-muted" data-testid="desk-empty">
            {{ 'desk.empty' | translate }}
          </p>
        }
      }
    </section>
  `,
})
export class DeskSection implements OnInit {
  private readonly inbox = inject(InboxApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly dueBadge = dueBadge;
  protected readonly figures = signal<{
    waiting: number;
    overdue: number;
  } | null>(null);
  protected readonly oldest = signal<readonly InboxItem[]>([]);
  protected readonly problem = signal<ApiProblem | null>(null);

  ngOnInit(): void {
    forkJoin({
      all: this.inbox.counts({}),
      overdue: this.inbox.counts({ overdue: true }),
      oldest: this.inbox.page({
        view: 'todo',
        order: 'oldest',
        limit: DESK_PREVIEW,
      }),
    })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ all, overdue, oldest }) => {
          this.figures.set({ waiting: all.todo, overdue: overdue.todo });
          this.oldest.set(oldest.items);
        },
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }
}

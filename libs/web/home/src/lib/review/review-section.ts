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
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { CompanyView } from '@portal/contracts';
import { CompanyApi, SessionStore } from '@portal/web-data-access';
import { type ApiProblem, DateTimePipe, toApiProblem } from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { DataKitStyles } from '@portal/web-ui/data-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTableModule } from 'ng-zorro-antd/table';
import { finalize } from 'rxjs';
import {
  CompanyReviewDrawer,
  type ReviewDecision,
} from './company-review-drawer';

export const REVIEW_PAGE_SIZE = 20;

/** Companies of the reviewer's region waiting for verification, with a keyset "load more". */
@Component({
  selector: 'app-review-section',
  imports: [
    TranslatePipe,
    NzButtonModule,
    NzTableModule,
    CompanyReviewDrawer,
    DataKitStyles,
    DateTimePipe,
    ErrorAlert,
  ],
  templateUrl: './review-section.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewSection implements OnInit {
  private readonly companies = inject(CompanyApi);
  private readonly session = inject(SessionStore);
  private readonly messages = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly items = signal<readonly CompanyView[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly selected = signal<CompanyView | null>(null);
  protected readonly canVerify = computed(() =>
    this.session.can('company.verify'),
  );

  ngOnInit(): void {
    this.load();
  }

  /** The first page, or with `more` the page after the last one shown. */
  protected load(more = false): void {
    const cursor = more ? this.nextCursor() : null;
    this.loading.set(true);
    this.problem.set(null);
    this.companies
      .list({
        status: 'pending',
        limit: REVIEW_PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
      })
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

  protected open(company: CompanyView): void {
    this.selected.set(company);
  }

  protected close(): void {
    this.selected.set(null);
  }

  /** A decision was recorded (or someone else's was found): the company leaves the list. */
  protected decided({ company, outcome }: ReviewDecision): void {
    this.items.update((items) =>
      items.filter((item) => item.id !== company.id),
    );
    this.selected.set(null);
    switch (outcome) {
      case 'verified':
        this.messages.success(
          this.translate.instant('review.verified', { name: company.name }),
        );
        return;
      case 'rejected':
        this.messages.success(
          this.translate.instant('review.rejected', { name: company.name }),
        );
        return;
      case 'gone':
        return;
    }
  }
}

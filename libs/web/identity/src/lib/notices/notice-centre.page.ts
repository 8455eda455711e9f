import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { NoticeView } from '@portal/contracts';
import { NoticeCounter, NotificationsApi } from '@portal/web-data-access';
import { type ApiProblem, DateTimePipe, toApiProblem } from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { type Subscription, finalize } from 'rxjs';

export const NOTICES_PAGE_SIZE = 20;

/** The user's in-portal notices, newest first: read them, follow their link, page on. */
@Component({
  selector: 'app-notice-centre-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    NzButtonModule,
    NzSwitchModule,
    NzTagModule,
    DateTimePipe,
    ErrorAlert,
    FormKitStyles,
  ],
  templateUrl: './notice-centre.page.html',
  styleUrl: './notice-centre.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoticeCentrePage implements OnInit {
  private readonly api = inject(NotificationsApi);
  private readonly counter = inject(NoticeCounter);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly unreadOnly = new FormControl(false, { nonNullable: true });
  protected readonly items = signal<readonly NoticeView[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly markingAll = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly unread = this.counter.unread;
  private loadingPage: Subscription | null = null;

  ngOnInit(): void {
    this.load();
    this.unreadOnly.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => this.load());
  }

  /** The first page, or with `more` the page after the last one shown. */
  protected load(more = false): void {
    const cursor = more ? this.nextCursor() : null;
    // A newer request (the filter was switched) replaces one still under way.
    this.loadingPage?.unsubscribe();
    this.loading.set(true);
    this.problem.set(null);
    this.loadingPage = this.api
      .notices({
        limit: NOTICES_PAGE_SIZE,
        unreadOnly: this.unreadOnly.value,
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
          this.counter.set(page.unread);
          this.loaded.set(true);
        },
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }

  /**
   * Also called when the user follows a notice's link: the page is then left at once, so the
   * request is not tied to this page's lifetime (the counter is a root service).
   */
  protected markRead(notice: NoticeView): void {
    if (notice.readAt) return;
    this.counter.markRead(notice.id).subscribe({
      next: () => this.setRead((n) => n.id === notice.id),
      error: (error: unknown) => this.problem.set(toApiProblem(error)),
    });
  }

  protected markAllRead(): void {
    this.markingAll.set(true);
    this.problem.set(null);
    this.counter
      .markAllRead()
      .pipe(
        finalize(() => this.markingAll.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => this.setRead(() => true),
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }

  /** Shown as read from now on; with "unread only" it stays listed until the next load. */
  private setRead(which: (notice: NoticeView) => boolean): void {
    const now = new Date().toISOString();
    this.items.update((items) =>
      items.map((n) => (!n.readAt && which(n) ? { ...n, readAt: now } : n)),
    );
  }
}

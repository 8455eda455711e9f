import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ViewEncapsulation,
  inject,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NOTICE_CENTRE_PATH, NoticeCounter } from '@portal/web-data-access';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { filter, fromEvent, interval, merge, startWith } from 'rxjs';
import { SHELL_ICONS } from './icons';

/** How often the open tab asks for the unread count. */
export const NOTICE_REFRESH_MS = 60_000;

/**
 * The header's bell: the unread notices, leading to the notice centre. Deferred like the menus.
 * The count is asked for on every navigation, every minute while the tab is visible, and when
 * the tab becomes visible again; the notice centre updates it as notices are read.
 */
@Component({
  selector: 'app-notice-bell',
  imports: [RouterLink, TranslatePipe, NzBadgeModule, NzIconModule],
  providers: [provideNzIconsPatch(SHELL_ICONS)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  // File paths, not package paths: see libs/web/ui/src/lib/styles/form-kit.css.
  styleUrls: [
    '../../../../../node_modules/ng-zorro-antd/badge/style/index.min.css',
    './notice-bell.css',
  ],
  template: `
    <a
      class="app-header-button app-notice-bell"
      data-testid="notice-bell"
      [attr.data-unread]="unread()"
      [routerLink]="path"
      [attr.aria-label]="'nav.myNoticesUnread' | translate: { count: unread() }"
      [attr.title]="'nav.myNoticesUnread' | translate: { count: unread() }"
    >
      <nz-badge nzSize="small" [nzCount]="unread()" [nzOverflowCount]="99">
        <span nz-icon nzType="bell" class="app-notice-bell__icon"></span>
      </nz-badge>
    </a>
  `,
})
export class NoticeBell {
  private readonly counter = inject(NoticeCounter);

  protected readonly unread = this.counter.unread;
  protected readonly path = NOTICE_CENTRE_PATH;

  constructor() {
    const document = inject(DOCUMENT);
    const visible = () => !document.hidden;
    merge(
      inject(Router).events.pipe(filter((e) => e instanceof NavigationEnd)),
      interval(NOTICE_REFRESH_MS).pipe(filter(visible)),
      fromEvent(document, 'visibilitychange').pipe(filter(visible)),
    )
      .pipe(startWith(null), takeUntilDestroyed())
      .subscribe(() => this.counter.refresh());
    // Gone on logout: the next user must not see this one's count.
    inject(DestroyRef).onDestroy(() => this.counter.clear());
  }
}

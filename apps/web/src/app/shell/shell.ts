import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';
import { Router, RouterLink, RouterOutlet } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import {
  LOGIN_PATH,
  PortalClockStore,
  SessionStore,
  navigationFor,
} from '@portal/web-data-access';
import { LanguageService } from '@portal/web-i18n';
import { ClockBanner } from '@portal/web-ui';
import { LanguageSwitch } from './language-switch';
import { NavMenu } from './nav-menu';
import { NoticeBell } from './notice-bell';
import { UserMenu } from './user-menu';

/**
 * Header (product, language, notice bell, user menu), the permission-built side menu, and the
 * page.
 *
 * The layout uses ng-zorro's layout styles on semantic elements rather than <nz-layout>: that
 * component queries <nz-sider>, which imports the menu module and the CDK overlay (~100 kB)
 * into the first load. For the same reason the header's own controls are plain buttons (no
 * nz-button / nz-icon registry). The menus and the bell appear only for a logged-in user and
 * are deferred, so the login page stays light.
 *
 * index.html holds a static copy of the header and footer, painted before the scripts arrive;
 * their styles are therefore global (app-shell__* in styles.css) and the copy must follow this
 * template's markup.
 */
@Component({
  selector: 'app-shell',
  imports: [
    RouterLink,
    RouterOutlet,
    TranslatePipe,
    LanguageSwitch,
    NavMenu,
    NoticeBell,
    UserMenu,
    ClockBanner,
  ],
  templateUrl: './shell.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly languages = inject(LanguageService);

  protected readonly me = this.session.me;
  protected readonly showMenu = this.session.isAuthenticated;
  protected readonly nav = computed(() =>
    navigationFor(this.session.permissions()),
  );
  /** The portal's clock: a banner on every page while a development clock has moved it. */
  protected readonly clock = inject(PortalClockStore).clock;
  /** Narrow screens only: whether the side menu is slid in. */
  protected readonly menuOpen = signal(false);

  constructor() {
    inject(PortalClockStore).load();
    // Until this device has a language of its own, speak the account's.
    effect(() => {
      const me = this.me();
      if (me) this.languages.adopt(me.language);
    });
  }

  protected async logout(): Promise<void> {
    await this.session.logout();
    await this.router.navigateByUrl(LOGIN_PATH);
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  ViewEncapsulation,
  input,
  output,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { SHELL_ICONS } from './icons';

/** The header's user menu: account & second factor, logout. Deferred like the side menu. */
@Component({
  selector: 'app-user-menu',
  imports: [
    RouterLink,
    TranslatePipe,
    NzButtonModule,
    NzDropDownModule,
    NzIconModule,
    NzMenuModule,
  ],
  providers: [provideNzIconsPatch(SHELL_ICONS)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  // File paths, not package paths: see libs/web/ui/src/lib/styles/form-kit.css.
  styleUrls: [
    '../../../../../node_modules/ng-zorro-antd/dropdown/style/index.min.css',
    './user-menu.css',
  ],
  template: `
    <button
      nz-button
      nzType="text"
      type="button"
      class="app-user-menu"
      nz-dropdown
      nzTrigger="click"
      nzPlacement="bottomRight"
      data-testid="user-menu"
      [nzDropdownMenu]="menu"
    >
      <span nz-icon nzType="user"></span>
      <span class="app-user-menu__name" data-testid="user-name">{{
        name()
      }}</span>
      <span nz-icon nzType="down"></span>
    </button>
    <nz-dropdown-menu #menu="nzDropdownMenu">
      <ul nz-menu>
        <li nz-menu-item>
          <a routerLink="/account" data-testid="account-link">
            <span nz-icon nzType="safety"></span>
            {{ 'nav.account' | translate }}
          </a>
        </li>
        <li nz-menu-divider></li>
        <li nz-menu-item>
          <button
            type="button"
            class="app-user-menu__action"
            data-testid="logout"
            (click)="logout.emit()"
          >
            <span nz-icon nzType="logout"></span>
            {{ 'nav.logout' | translate }}
          </button>
        </li>
      </ul>
    </nz-dropdown-menu>
  `,
})
export class UserMenu {
  readonly name = input.required<string>();
  readonly logout = output<void>();
}

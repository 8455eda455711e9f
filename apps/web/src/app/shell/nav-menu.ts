import {
  ChangeDetectionStrategy,
  Component,
  ViewEncapsulation,
  input,
  output,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { NavItem } from '@portal/web-data-access';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { SHELL_ICONS } from './icons';

/**
 * The side menu, built from the user's permissions. Loaded with `@defer` once someone is
 * logged in, together with ng-zorro's menu styles, so the login page does not carry it.
 */
@Component({
  selector: 'app-nav-menu',
  imports: [RouterLink, TranslatePipe, NzIconModule, NzMenuModule],
  providers: [provideNzIconsPatch(SHELL_ICONS)],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  // File path, not package path: see libs/web/ui/src/lib/styles/form-kit.css.
  styleUrl:
    '../../../../../node_modules/ng-zorro-antd/menu/style/index.min.css',
  template: `
    <nav [attr.aria-label]="'nav.menu' | translate">
      <ul nz-menu nzMode="inline" data-testid="main-menu">
        @for (item of items(); track item.id) {
          @switch (item.kind) {
            @case ('route') {
              <li nz-menu-item nzMatchRouter [nzMatchRouterExact]="item.exact">
                <a
                  [routerLink]="item.route"
                  [attr.data-testid]="'nav-' + item.id"
                  (click)="navigated.emit()"
                >
                  <span nz-icon [nzType]="item.icon"></span>
                  <span>{{ item.titleKey | translate }}</span>
                </a>
              </li>
            }
            @case ('external') {
              <li nz-menu-item>
                <a
                  target="_blank"
                  rel="noopener"
                  [href]="item.href"
                  [attr.data-testid]="'nav-' + item.id"
                >
                  <span nz-icon [nzType]="item.icon"></span>
                  <span>{{ item.titleKey | translate }}</span>
                </a>
              </li>
            }
          }
        }
      </ul>
    </nav>
  `,
})
export class NavMenu {
  readonly items = input.required<readonly NavItem[]>();
  /** A menu entry was followed (the narrow-screen menu closes). */
  readonly navigated = output<void>();
}

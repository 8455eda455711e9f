import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { HOME_SECTIONS, SessionStore, areasFor } from '@portal/web-data-access';
import { HomeSectionOutlet } from './home-section-outlet';

/**
 * The home page: one section per work area the user's permissions open, in menu order. A user
 * holding several (say reviewer and auditor) sees several sections.
 */
@Component({
  selector: 'app-home-page',
  imports: [TranslatePipe, HomeSectionOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="app-page__title" data-testid="home-welcome">
      {{ 'home.welcome' | translate: { name: me()?.name } }}
    </h1>
    @for (section of sections(); track section.id) {
      <app-home-section-outlet
        [loader]="section.load"
        [attr.data-section]="section.id"
      />
    } @empty {
      <p class="app-panel app-muted" data-testid="home-nothing">
        {{ 'home.nothing' | translate }}
      </p>
    }
  `,
})
export class HomePage {
  private readonly session = inject(SessionStore);
  private readonly loaders = inject(HOME_SECTIONS);

  protected readonly me = this.session.me;
  protected readonly sections = computed(() =>
    areasFor(this.session.permissions()).flatMap((area) => {
      const load = this.loaders[area.id];
      return load ? [{ id: area.id, load }] : [];
    }),
  );
}

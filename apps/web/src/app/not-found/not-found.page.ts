import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { NzButtonModule } from 'ng-zorro-antd/button';

@Component({
  selector: 'app-not-found-page',
  imports: [RouterLink, TranslatePipe, NzButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="app-panel app-center" data-testid="not-found">
      <h1 class="app-page__title">{{ 'notFound.title' | translate }}</h1>
      <p class="app-muted">{{ 'notFound.text' | translate }}</p>
      <a nz-button nzType="primary" routerLink="/">{{
        'common.backHome' | translate
      }}</a>
    </section>
  `,
})
export class NotFoundPage {}

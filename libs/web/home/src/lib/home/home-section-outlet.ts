import { NgComponentOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  OnInit,
  type Type,
  input,
  signal,
} from '@angular/core';
import type { HomeSectionLoader } from '@portal/web-data-access';
import { NzSpinModule } from 'ng-zorro-antd/spin';

/** Loads one home section's component (from whichever feature owns it) and renders it. */
@Component({
  selector: 'app-home-section-outlet',
  imports: [NgComponentOutlet, NzSpinModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (component(); as component) {
      <ng-container *ngComponentOutlet="component" />
    } @else if (!failed()) {
      <div class="app-panel app-center"><nz-spin nzSimple /></div>
    }
  `,
})
export class HomeSectionOutlet implements OnInit {
  readonly loader = input.required<HomeSectionLoader>();

  protected readonly component = signal<Type<unknown> | null>(null);
  protected readonly failed = signal(false);

  ngOnInit(): void {
    void this.loader()()
      .then((component) => this.component.set(component))
      .catch((error: unknown) => {
        // A chunk that fails to load (e.g. after a deployment) must not break the other sections.
        console.error('Could not load a home section', error);
        this.failed.set(true);
      });
  }
}

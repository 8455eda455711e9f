import {
  ChangeDetectionStrategy,
  Component,
  ViewEncapsulation,
} from '@angular/core';

/** Modal, tabs, timeline and checkbox styles, added while an application page is shown. */
@Component({
  selector: 'app-applications-kit-styles',
  template: '',
  styleUrl: './applications-kit.css',
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationsKitStyles {}

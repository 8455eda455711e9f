import {
  ChangeDetectionStrategy,
  Component,
  ViewEncapsulation,
} from '@angular/core';

/** Table, descriptions, drawer and divider styles (see form-kit-styles.ts). */
@Component({
  selector: 'app-data-kit-styles',
  template: '',
  styleUrl: './data-kit.css',
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataKitStyles {}

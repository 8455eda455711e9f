import {
  ChangeDetectionStrategy,
  Component,
  ViewEncapsulation,
} from '@angular/core';

/** Form and input styles, for a page with text fields only (see form-kit-styles.ts). */
@Component({
  selector: 'app-field-kit-styles',
  template: '',
  styleUrl: './field-kit.css',
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FieldKitStyles {}

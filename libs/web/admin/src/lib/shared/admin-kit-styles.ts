import {
  ChangeDetectionStrategy,
  Component,
  ViewEncapsulation,
} from '@angular/core';

/** The staff and audit pages' dialog and date-range styles and their phone cards. */
@Component({
  selector: 'app-admin-kit-styles',
  template: '',
  styleUrl: './admin-kit.css',
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminKitStyles {}

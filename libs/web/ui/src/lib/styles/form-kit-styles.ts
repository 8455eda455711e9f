import {
  ChangeDetectionStrategy,
  Component,
  ViewEncapsulation,
} from '@angular/core';

/*
 * ng-zorro ships one stylesheet per component. The shell's few are global (apps/web); these
 * larger groups travel with the lazy pages that use them: a page puts the element in its
 * template and the styles are added to the document while it is shown. Each kit is its own
 * entry point (@portal/web-ui/form-kit, @portal/web-ui/data-kit) so that a page downloads only
 * the kit it uses.
 */

/** Form, input and select styles. */
@Component({
  selector: 'app-form-kit-styles',
  template: '',
  styleUrl: './form-kit.css',
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormKitStyles {}

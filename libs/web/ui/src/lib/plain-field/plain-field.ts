import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ValidationErrors } from '@angular/forms';
import { FieldErrorPipe } from '@portal/web-i18n';

/**
 * One form row in ng-zorro's markup on plain elements, for pages that must stay light (the
 * log-in page): the label, the projected control, and its error tied to it by id. The control
 * itself carries `id`, `aria-describedby="<id>-error"` while `errors` is set, and the error
 * class, so that a screen reader reads the message with the field.
 */
@Component({
  selector: 'app-plain-field',
  imports: [FieldErrorPipe],
  template: `
    <div
      class="ant-form-item ant-row"
      [class.ant-form-item-has-error]="errors()"
      [class.ant-form-item-with-help]="errors()"
    >
      <div class="ant-form-item-label ant-col">
        <label [class.ant-form-item-required]="required()" [attr.for]="for()">{{
          label()
        }}</label>
      </div>
      <div class="ant-form-item-control ant-col">
        <div class="ant-form-item-control-input">
          <div class="ant-form-item-control-input-content">
            <ng-content />
          </div>
        </div>
        @if (errors(); as errors) {
          <div class="ant-form-item-explain ant-form-item-explain-connected">
            <div
              class="ant-form-item-explain-error"
              role="alert"
              [attr.id]="for() + '-error'"
            >
              {{ errors | fieldError }}
            </div>
          </div>
        }
      </div>
    </div>
  `,
  styles: ':host { display: block; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlainField {
  /** The id of the projected control. */
  readonly for = input.required<string>();
  readonly label = input.required<string>();
  readonly required = input(true);
  /** The control's errors as shown (null while none are to be shown). */
  readonly errors = input<ValidationErrors | null>(null);
}

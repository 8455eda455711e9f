import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import type { FieldSchema } from '@portal/domain';
import { FieldErrorPipe, LabelPipe } from '@portal/web-i18n';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';

/** A choice the API lists for a select with `optionsFrom` (a bank, a provider). */
export interface ListedChoice {
  readonly value: string;
  readonly label: string;
}

/**
 * One field of a schema (application form or action payload) with its label, input and error.
 * `idPrefix` keeps ids and test ids apart where two schemas share a page.
 */
@Component({
  selector: 'app-schema-field',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    FieldErrorPipe,
    LabelPipe,
  ],
  templateUrl: './schema-field.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SchemaField {
  readonly field = input.required<FieldSchema>();
  readonly control = input.required<FormControl<unknown>>();
  readonly idPrefix = input('field-');
  /** The choices of a select with `optionsFrom`, once loaded. */
  readonly listed = input<readonly ListedChoice[]>([]);

  /**
   * A required field the user emptied or left (on blur): a draft saves without it, so it is no
   * error, but the user hears at once that the submission will need it rather than only when
   * submitting.
   */
  protected requiredEmpty(): boolean {
    const control = this.control();
    const value = control.value;
    return (
      this.field().required &&
      control.enabled &&
      (control.dirty || control.touched) &&
      control.valid &&
      (value === null || value === undefined || value === '')
    );
  }
}

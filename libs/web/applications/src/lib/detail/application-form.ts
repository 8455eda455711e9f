import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import type { FormSchema } from '@portal/domain';
import { LabelPipe } from '@portal/web-i18n';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzFormModule } from 'ng-zorro-antd/form';
import type { ApplicationFormGroup } from '../shared/form-model';
import { SchemaField } from '../shared/schema-field';

/** The application form drawn from its schema; read only when the group is disabled. */
@Component({
  selector: 'app-application-form',
  imports: [
    ReactiveFormsModule,
    NzFormModule,
    FormKitStyles,
    LabelPipe,
    SchemaField,
  ],
  templateUrl: './application-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationForm {
  readonly schema = input.required<FormSchema>();
  readonly group = input.required<ApplicationFormGroup>();
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import type { FormSchema } from '@portal/domain';
import { FieldErrorPipe, LabelPipe } from '@portal/web-i18n';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import type { ApplicationFormGroup } from '../shared/form-model';

/** The application form drawn from its schema; read only when the group is disabled. */
@Component({
  selector: 'app-application-form',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    FieldErrorPipe,
    FormKitStyles,
    LabelPipe,
  ],
  templateUrl: './application-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApplicationForm {
  readonly schema = input.required<FormSchema>();
  readonly group = input.required<ApplicationFormGroup>();
}

import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import type { InvitationCreated, InviteMemberRequest } from '@portal/contracts';
import { CompanyApi } from '@portal/web-data-access';
import {
  type ApiProblem,
  DateTimePipe,
  FieldErrorPipe,
  RoleLabelPipe,
  toApiProblem,
} from '@portal/web-i18n';
import { ErrorAlert, applyServerErrors, revealErrors } from '@portal/web-ui';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { finalize } from 'rxjs';

type InvitableRole = InviteMemberRequest['role'];

/** An enterprise admin invites a colleague by e-mail. */
@Component({
  selector: 'app-invite-member-form',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    DateTimePipe,
    ErrorAlert,
    FieldErrorPipe,
    FormKitStyles,
    RoleLabelPipe,
  ],
  templateUrl: './invite-member-form.html',
  styles: `
    .invite {
      margin-top: 24px;
    }
    /* The inline item keeps its label and input on one line: let the input shrink on a phone. */
    .invite__email {
      max-width: 100%;
    }
    .invite__email nz-form-control {
      min-width: 0;
    }
    .invite__email input {
      width: 260px;
      max-width: 100%;
    }
    .invite__role {
      width: 160px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InviteMemberForm {
  private readonly companies = inject(CompanyApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly roles: readonly InvitableRole[] = [
    'enterprise_member',
    'enterprise_admin',
  ];
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: [
      '',
      [Validators.required, Validators.email, Validators.maxLength(254)],
    ],
    role: ['enterprise_member' as InvitableRole, Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly sent = signal<InvitationCreated | null>(null);

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const { email, role } = this.form.getRawValue();
    this.busy.set(true);
    this.problem.set(null);
    this.sent.set(null);
    this.companies
      .invite({ email: email.trim(), role })
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (invitation) => {
          this.sent.set(invitation);
          this.form.reset();
        },
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          applyServerErrors(this.form, problem, {
            EMAIL_TAKEN: { field: 'email', code: 'email.taken' },
          });
          this.problem.set(problem);
        },
      });
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthApi, SessionStore } from '@portal/web-data-access';
import {
  type ApiProblem,
  FieldErrorPipe,
  toApiProblem,
} from '@portal/web-i18n';
import {
  ErrorAlert,
  PasswordPolicyHints,
  applyServerErrors,
  matchesValidator,
  passwordPolicyValidator,
  revealErrors,
  sibling,
} from '@portal/web-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { finalize } from 'rxjs';

/** The current password, then a new one under the policy; other devices are logged out. */
@Component({
  selector: 'app-change-password',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    ErrorAlert,
    FieldErrorPipe,
    PasswordPolicyHints,
  ],
  templateUrl: './change-password.html',
  styles: '.change-password { max-width: 420px; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePassword {
  private readonly auth = inject(AuthApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly email = inject(SessionStore).me()?.email ?? '';
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly changed = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: [
      '',
      [Validators.required, passwordPolicyValidator(() => this.email)],
    ],
    newPasswordConfirm: [
      '',
      [Validators.required, matchesValidator(sibling('newPassword'))],
    ],
  });
  protected readonly newPassword = toSignal(
    this.form.controls.newPassword.valueChanges,
    { initialValue: '' },
  );

  constructor() {
    this.form.controls.newPassword.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        const confirm = this.form.controls.newPasswordConfirm;
        if (confirm.value) confirm.updateValueAndValidity();
      });
  }

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.busy.set(true);
    this.problem.set(null);
    this.changed.set(false);
    this.auth
      .changePassword({ currentPassword, newPassword })
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.form.reset();
          this.changed.set(true);
        },
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          applyServerErrors(this.form, problem);
          this.problem.set(problem);
        },
      });
  }
}

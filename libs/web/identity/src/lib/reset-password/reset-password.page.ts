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
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthApi } from '@portal/web-data-access';
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
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { finalize } from 'rxjs';
import { fragmentToken } from '../fragment-token';

/**
 * Where a reset mail links to (/reset-password#token=…): the token comes from the fragment,
 * which the browser never sends, and is posted in the body with the new password.
 */
@Component({
  selector: 'app-reset-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    ErrorAlert,
    FieldErrorPipe,
    FormKitStyles,
    PasswordPolicyHints,
  ],
  templateUrl: './reset-password.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ResetPasswordPage {
  private readonly auth = inject(AuthApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly token = fragmentToken(inject(ActivatedRoute));
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly done = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', [Validators.required, passwordPolicyValidator(() => '')]],
    passwordConfirm: [
      '',
      [Validators.required, matchesValidator(sibling('password'))],
    ],
  });
  protected readonly password = toSignal(
    this.form.controls.password.valueChanges,
    { initialValue: '' },
  );

  constructor() {
    this.form.controls.password.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        const confirm = this.form.controls.passwordConfirm;
        if (confirm.value) confirm.updateValueAndValidity();
      });
  }

  protected submit(): void {
    if (!this.token) return;
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    this.busy.set(true);
    this.problem.set(null);
    this.auth
      .completePasswordReset({
        token: this.token,
        password: this.form.getRawValue().password,
      })
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => this.done.set(true),
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          applyServerErrors(this.form, problem);
          this.problem.set(problem);
        },
      });
  }
}

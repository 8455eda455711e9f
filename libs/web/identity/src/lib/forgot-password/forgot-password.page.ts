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
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { AuthApi } from '@portal/web-data-access';
import {
  type ApiProblem,
  FieldErrorPipe,
  toApiProblem,
} from '@portal/web-i18n';
import { ErrorAlert, applyServerErrors, revealErrors } from '@portal/web-ui';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { finalize } from 'rxjs';

/**
 * Asks for a reset link. The API answers the same for every address, and so does this page:
 * "if it belongs to an account, a link is on its way".
 */
@Component({
  selector: 'app-forgot-password-page',
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
  ],
  templateUrl: './forgot-password.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForgotPasswordPage {
  private readonly auth = inject(AuthApi);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  /** The address the link was asked for, once the API took the request. */
  protected readonly sentTo = signal<string | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: [
      '',
      [Validators.required, Validators.email, Validators.maxLength(254)],
    ],
  });

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const email = this.form.getRawValue().email.trim();
    this.busy.set(true);
    this.problem.set(null);
    this.auth
      .requestPasswordReset({ email })
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => this.sentTo.set(email),
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          applyServerErrors(this.form, problem);
          this.problem.set(problem);
        },
      });
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { LoginResponse } from '@portal/contracts';
import {
  ACCOUNT_PATH,
  AuthApi,
  type LoginOutcome,
  SessionStore,
  safeReturnUrl,
} from '@portal/web-data-access';
import { type ApiProblem, toApiProblem } from '@portal/web-i18n';
import {
  ErrorAlert,
  Icon,
  revealErrors,
  shownErrors,
  totpCodeValidator,
} from '@portal/web-ui';
import { FieldKitStyles, PlainField } from '@portal/web-ui/field-kit';
import { type Observable, finalize } from 'rxjs';

type Step = 'credentials' | 'second_factor';

/**
 * E-mail and password, then, when the account has one, the second factor's 6-digit code.
 *
 * The first page most visitors load, so it is built from ng-zorro's styles on plain elements:
 * nz-form, nz-input and nz-button would bring the tooltip (for error tips), the CDK overlay,
 * nz-icon's registry and a colour library, ~70 kB on the wire, for three fields and a button.
 */
@Component({
  selector: 'app-login-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    ErrorAlert,
    FieldKitStyles,
    Icon,
    PlainField,
  ],
  templateUrl: './login.page.html',
  styles: '.forgot { margin: -12px 0 16px; text-align: right; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly auth = inject(AuthApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly forms = inject(NonNullableFormBuilder);
  private readonly codeInput =
    viewChild<ElementRef<HTMLInputElement>>('codeInput');

  protected readonly shownErrors = shownErrors;
  protected readonly step = signal<Step>('credentials');
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);

  protected readonly credentials = this.forms.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly secondFactor = this.forms.group({
    code: ['', [Validators.required, totpCodeValidator()]],
  });

  protected submitCredentials(): void {
    if (this.credentials.invalid) {
      revealErrors(this.credentials);
      return;
    }
    const { email, password } = this.credentials.getRawValue();
    this.send(this.auth.login({ email: email.trim(), password }));
  }

  protected submitCode(): void {
    if (this.secondFactor.invalid) {
      revealErrors(this.secondFactor);
      return;
    }
    this.send(
      this.auth.loginSecondFactor({
        code: this.secondFactor.getRawValue().code.trim(),
      }),
    );
  }

  protected backToCredentials(): void {
    this.problem.set(null);
    this.credentials.controls.password.reset();
    this.step.set('credentials');
  }

  private send(request: Observable<LoginResponse>): void {
    this.busy.set(true);
    this.problem.set(null);
    request
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (response) => this.proceed(this.session.accept(response)),
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          this.problem.set(problem);
          if (
            problem.code === 'SECOND_FACTOR_INVALID' ||
            problem.code === 'SECOND_FACTOR_USED'
          ) {
            this.secondFactor.reset();
            this.focusCode();
          } else if (
            this.step() === 'second_factor' &&
            (problem.code === 'SECOND_FACTOR_ATTEMPTS_EXCEEDED' ||
              problem.code === 'AUTH_REQUIRED')
          ) {
            // The half-logged-in session ended: start again with the password.
            this.credentials.controls.password.reset();
            this.step.set('credentials');
          }
        },
      });
  }

  private proceed(outcome: LoginOutcome): void {
    switch (outcome) {
      case 'authenticated':
        void this.router.navigateByUrl(
          safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl')),
        );
        return;
      case 'second_factor_required':
        this.secondFactor.reset();
        this.step.set('second_factor');
        this.focusCode();
        return;
      case 'enrolment_required':
        void this.router.navigateByUrl(ACCOUNT_PATH);
        return;
    }
  }

  private focusCode(): void {
    setTimeout(() => this.codeInput()?.nativeElement.focus());
  }
}

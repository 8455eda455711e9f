import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { SecondFactorEnrolment } from '@portal/contracts';
import { AuthApi, SessionStore } from '@portal/web-data-access';
import {
  type ApiProblem,
  FieldErrorPipe,
  toApiProblem,
} from '@portal/web-i18n';
import {
  ErrorAlert,
  applyServerErrors,
  revealErrors,
  totpCodeValidator,
} from '@portal/web-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { type Observable, finalize } from 'rxjs';

function eitherProof(group: AbstractControl): ValidationErrors | null {
  const value = group.value as { currentCode?: string; password?: string };
  return value.currentCode?.trim() || value.password
    ? null
    : { reauthRequired: true };
}

/**
 * TOTP enrolment: QR code and secret from the API, confirmed with a first code. Replacing an
 * active factor first asks for its current code or the password; the active one keeps
 * working until the new one is confirmed.
 */
@Component({
  selector: 'app-second-factor-setup',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzTagModule,
    ErrorAlert,
    FieldErrorPipe,
  ],
  templateUrl: './second-factor-setup.html',
  styleUrl: './second-factor-setup.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecondFactorSetup {
  private readonly auth = inject(AuthApi);
  private readonly session = inject(SessionStore);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly enabled = computed(
    () => this.session.me()?.secondFactorEnabled ?? false,
  );
  protected readonly required = this.session.enrolmentRequired;
  protected readonly enrolment = signal<SecondFactorEnrolment | null>(null);
  protected readonly justEnabled = signal(false);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);

  /** Replacing an active factor: asking for the current code or the password first. */
  protected readonly replacing = signal(false);
  /** Submitted with neither the code nor the password. */
  protected readonly proofMissing = signal(false);

  private readonly forms = inject(NonNullableFormBuilder);
  protected readonly form = this.forms.group({
    code: ['', [Validators.required, totpCodeValidator()]],
  });
  /** Either field will do; the API says which one was wrong. */
  protected readonly proof = this.forms.group(
    {
      currentCode: ['', totpCodeValidator()],
      password: ['', Validators.maxLength(200)],
    },
    { validators: eitherProof },
  );

  protected start(): void {
    this.run(this.auth.enrolSecondFactor(), (enrolment) => {
      this.form.reset();
      this.enrolment.set(enrolment);
    });
  }

  protected startReplacement(): void {
    this.proofMissing.set(this.proof.hasError('reauthRequired'));
    if (this.proof.invalid) {
      revealErrors(this.proof);
      return;
    }
    const { currentCode, password } = this.proof.getRawValue();
    this.run(
      this.auth.enrolSecondFactor(
        currentCode.trim() ? { currentCode: currentCode.trim() } : { password },
      ),
      (enrolment) => {
        this.proof.reset();
        this.replacing.set(false);
        this.form.reset();
        this.enrolment.set(enrolment);
      },
    );
  }

  protected cancelReplacement(): void {
    this.proof.reset();
    this.proofMissing.set(false);
    this.problem.set(null);
    this.replacing.set(false);
  }

  protected confirm(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    this.run(
      this.auth.confirmSecondFactor({
        code: this.form.getRawValue().code.trim(),
      }),
      () => {
        this.enrolment.set(null);
        this.justEnabled.set(true);
        // me.secondFactorEnabled is now true; a required enrolment is thereby lifted.
        void this.session.refresh();
      },
    );
  }

  private run<T>(request: Observable<T>, done: (value: T) => void): void {
    this.busy.set(true);
    this.problem.set(null);
    request
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: done,
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          this.problem.set(problem);
          if (this.replacing()) applyServerErrors(this.proof, problem);
          if (this.enrolment()) this.form.reset();
        },
      });
  }
}

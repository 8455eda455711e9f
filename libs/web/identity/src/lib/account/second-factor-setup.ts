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
  NonNullableFormBuilder,
  ReactiveFormsModule,
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
import { ErrorAlert, revealErrors, totpCodeValidator } from '@portal/web-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { type Observable, finalize } from 'rxjs';

/** TOTP enrolment: QR code and secret from the API, confirmed with a first code. */
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

  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, totpCodeValidator()]],
  });

  protected start(): void {
    this.run(this.auth.enrolSecondFactor(), (enrolment) => {
      this.form.reset();
      this.enrolment.set(enrolment);
    });
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
          this.problem.set(toApiProblem(error));
          if (this.enrolment()) this.form.reset();
        },
      });
  }
}

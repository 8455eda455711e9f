import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { InvitationView } from '@portal/contracts';
import { ACCOUNT_PATH, AuthApi, SessionStore } from '@portal/web-data-access';
import {
  type ApiProblem,
  DateTimePipe,
  FieldErrorPipe,
  LanguageService,
  RoleLabelPipe,
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
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { finalize } from 'rxjs';
import { fragmentToken } from '../fragment-token';

/** A link without its token (cut short by a mail program): said the way the API says it. */
const INVALID_LINK: ApiProblem = {
  status: 404,
  code: 'INVITATION_INVALID',
  message: 'This invitation link is incomplete.',
  correlationId: null,
  fields: [],
};

/**
 * The page an invitation e-mail links to (/invitation#token=…): choose a name and password,
 * and you are in. The token comes from the fragment and is posted, never put in a URL.
 */
@Component({
  selector: 'app-invitation-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzSpinModule,
    DateTimePipe,
    ErrorAlert,
    FieldErrorPipe,
    FormKitStyles,
    PasswordPolicyHints,
    RoleLabelPipe,
  ],
  templateUrl: './invitation.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvitationPage implements OnInit {
  private readonly auth = inject(AuthApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly languages = inject(LanguageService);
  private readonly destroyRef = inject(DestroyRef);

  private readonly token = fragmentToken(inject(ActivatedRoute)) ?? '';

  protected readonly invitation = signal<InvitationView | null>(null);
  protected readonly loadProblem = signal<ApiProblem | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(50)]],
    password: [
      '',
      [
        Validators.required,
        passwordPolicyValidator(() => this.invitation()?.email ?? ''),
      ],
    ],
    passwordConfirm: [
      '',
      [Validators.required, matchesValidator(sibling('password'))],
    ],
  });
  protected readonly password = toSignal(
    this.form.controls.password.valueChanges,
    {
      initialValue: '',
    },
  );

  constructor() {
    this.form.controls.password.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        const confirm = this.form.controls.passwordConfirm;
        if (confirm.value) confirm.updateValueAndValidity();
      });
  }

  ngOnInit(): void {
    if (!this.token) {
      this.loadProblem.set(INVALID_LINK);
      return;
    }
    this.auth
      .invitation(this.token)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (invitation) => this.invitation.set(invitation),
        error: (error: unknown) => this.loadProblem.set(toApiProblem(error)),
      });
  }

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const { name, password } = this.form.getRawValue();
    this.busy.set(true);
    this.problem.set(null);
    this.auth
      .acceptInvitation({
        token: this.token,
        name: name.trim(),
        password,
        language: this.languages.language(),
      })
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (response) => {
          const outcome = this.session.accept(response);
          void this.router.navigateByUrl(
            outcome === 'enrolment_required' ? ACCOUNT_PATH : '/',
          );
        },
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          applyServerErrors(this.form, problem);
          this.problem.set(problem);
        },
      });
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { RegionView, RegisterRequest } from '@portal/contracts';
import { chinaDateOf, normalizeIdentifier } from '@portal/domain';
import { AuthApi, PortalClockStore } from '@portal/web-data-access';
import {
  type ApiProblem,
  FieldErrorPipe,
  LanguageService,
  toApiProblem,
} from '@portal/web-i18n';
import {
  type CodeFieldMap,
  ErrorAlert,
  PasswordPolicyHints,
  applyServerErrors,
  mainlandMobileValidator,
  matchesValidator,
  normalizePhone,
  passwordPolicyValidator,
  revealErrors,
  sibling,
  usccValidator,
} from '@portal/web-ui';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { finalize } from 'rxjs';

/** Conflicts the API reports without naming a field: shown at the field they concern. */
const CONFLICT_FIELDS: CodeFieldMap = {
  CREDIT_CODE_TAKEN: { field: 'creditCode', code: 'uscc.taken' },
  REGION_UNKNOWN: { field: 'regionCode', code: 'region.unknown' },
};

/** A company registers itself and its first administrator; it starts "pending verification". */
@Component({
  selector: 'app-register-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzSelectModule,
    ErrorAlert,
    FieldErrorPipe,
    FormKitStyles,
    PasswordPolicyHints,
  ],
  templateUrl: './register.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegisterPage implements OnInit {
  private readonly auth = inject(AuthApi);
  private readonly languages = inject(LanguageService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly clock = inject(PortalClockStore);

  /** Today in Beijing (the portal's clock once read, else the browser's): the latest founding date. */
  protected readonly today = computed(() =>
    chinaDateOf(
      new Date(Date.parse(this.clock.clock()?.now ?? '') || Date.now()),
    ),
  );
  private readonly notAfterToday: ValidatorFn = (control) =>
    typeof control.value === 'string' &&
    control.value !== '' &&
    control.value > this.today()
      ? { in_future: true }
      : null;

  protected readonly form = inject(NonNullableFormBuilder).group({
    companyName: ['', [Validators.required, Validators.maxLength(100)]],
    creditCode: ['', [Validators.required, usccValidator()]],
    regionCode: ['', Validators.required],
    foundedOn: ['', this.notAfterToday],
    contactName: ['', [Validators.required, Validators.maxLength(50)]],
    email: [
      '',
      [Validators.required, Validators.email, Validators.maxLength(254)],
    ],
    phone: ['', [Validators.required, mainlandMobileValidator()]],
    password: [
      '',
      [Validators.required, passwordPolicyValidator(sibling('email'))],
    ],
    passwordConfirm: [
      '',
      [Validators.required, matchesValidator(sibling('password'))],
    ],
  });

  protected readonly regions = signal<readonly RegionView[]>([]);
  protected readonly regionsLoading = signal(true);
  protected readonly regionsProblem = signal<ApiProblem | null>(null);
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly registeredEmail = signal<string | null>(null);

  protected readonly password = toSignal(
    this.form.controls.password.valueChanges,
    {
      initialValue: '',
    },
  );
  protected readonly email = toSignal(this.form.controls.email.valueChanges, {
    initialValue: '',
  });

  constructor() {
    // The password rules read the e-mail, the confirmation reads the password: re-check them.
    this.form.controls.email.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.password.updateValueAndValidity());
    this.form.controls.password.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        const confirm = this.form.controls.passwordConfirm;
        if (confirm.value) confirm.updateValueAndValidity();
      });
  }

  ngOnInit(): void {
    this.auth
      .regions()
      .pipe(
        finalize(() => this.regionsLoading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (regions) => this.regions.set(regions),
        error: (error: unknown) => this.regionsProblem.set(toApiProblem(error)),
      });
  }

  /** Shows the code as it will be sent: full-width characters and spaces converted. */
  protected normalizeCreditCode(): void {
    const control = this.form.controls.creditCode;
    const normalized = normalizeIdentifier(control.value);
    if (normalized !== control.value) control.setValue(normalized);
  }

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const value = this.form.getRawValue();
    const request: RegisterRequest = {
      companyName: value.companyName.trim(),
      creditCode: normalizeIdentifier(value.creditCode),
      regionCode: value.regionCode,
      ...(value.foundedOn ? { foundedOn: value.foundedOn } : {}),
      contactName: value.contactName.trim(),
      email: value.email.trim(),
      phone: normalizePhone(value.phone),
      password: value.password,
      language: this.languages.language(),
    };
    this.busy.set(true);
    this.problem.set(null);
    this.auth
      .register(request)
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        // The answer is the same whether or not the address already had an account (the
        // owner of an existing one gets a mail instead): say what happens next, and no more.
        next: () => this.registeredEmail.set(request.email),
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          applyServerErrors(this.form, problem, CONFLICT_FIELDS);
          this.problem.set(problem);
        },
      });
  }
}

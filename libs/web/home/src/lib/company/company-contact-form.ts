import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import type { CompanyView } from '@portal/contracts';
import { CompanyApi } from '@portal/web-data-access';
import {
  type ApiProblem,
  FieldErrorPipe,
  toApiProblem,
} from '@portal/web-i18n';
import {
  ErrorAlert,
  applyServerErrors,
  mainlandMobileValidator,
  normalizePhone,
  revealErrors,
} from '@portal/web-ui';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { finalize } from 'rxjs';

/** The enterprise admin changes the company's contact (the only part editable online). */
@Component({
  selector: 'app-company-contact-form',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    ErrorAlert,
    FieldErrorPipe,
    FormKitStyles,
  ],
  template: `
    <app-form-kit-styles />
    <form
      nz-form
      nzLayout="vertical"
      novalidate
      class="contact"
      data-testid="contact-form"
      [formGroup]="form"
      (ngSubmit)="submit()"
    >
      <h3 class="app-panel__subtitle">
        {{ 'company.contactTitle' | translate }}
      </h3>
      <app-error-alert [problem]="problem()" />
      <div class="contact__grid">
        <nz-form-item>
          <nz-form-label nzFor="contact-name" nzRequired>{{
            'company.contactName' | translate
          }}</nz-form-label>
          <nz-form-control [nzErrorTip]="errorTip">
            <input
              nz-input
              id="contact-name"
              formControlName="contactName"
              autocomplete="name"
              data-testid="contact-name"
            />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="contact-phone" nzRequired>{{
            'company.contactPhone' | translate
          }}</nz-form-label>
          <nz-form-control [nzErrorTip]="errorTip">
            <input
              nz-input
              id="contact-phone"
              type="tel"
              inputmode="tel"
              formControlName="contactPhone"
              autocomplete="tel"
              data-testid="contact-phone"
            />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="contact-email" nzRequired>{{
            'company.contactEmail' | translate
          }}</nz-form-label>
          <nz-form-control [nzErrorTip]="errorTip">
            <input
              nz-input
              id="contact-email"
              type="email"
              formControlName="contactEmail"
              autocomplete="email"
              data-testid="contact-email"
            />
          </nz-form-control>
        </nz-form-item>
      </div>
      <div class="contact__actions">
        <button
          nz-button
          nzType="primary"
          type="submit"
          data-testid="contact-submit"
          [nzLoading]="busy()"
        >
          {{ 'company.contactSave' | translate }}
        </button>
        <button
          nz-button
          type="button"
          data-testid="contact-cancel"
          (click)="cancelled.emit()"
        >
          {{ 'company.contactCancel' | translate }}
        </button>
      </div>
    </form>
    <ng-template #errorTip let-control>{{
      control.errors | fieldError
    }}</ng-template>
  `,
  styles: `
    .contact {
      margin: 16px 0;
    }
    .contact__grid {
      display: grid;
      /* A field showing an error grows; its neighbours stay at the top of the row. */
      align-items: start;
      grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
      column-gap: 16px;
    }
    .contact__actions {
      display: flex;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompanyContactForm implements OnInit {
  private readonly companies = inject(CompanyApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly company = input.required<CompanyView>();
  readonly saved = output<CompanyView>();
  readonly cancelled = output();

  protected readonly form = inject(NonNullableFormBuilder).group({
    contactName: ['', [Validators.required, Validators.maxLength(100)]],
    contactPhone: ['', [Validators.required, mainlandMobileValidator()]],
    contactEmail: [
      '',
      [Validators.required, Validators.email, Validators.maxLength(254)],
    ],
  });
  protected readonly busy = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);

  ngOnInit(): void {
    const { contactName, contactPhone, contactEmail } = this.company();
    this.form.setValue({ contactName, contactPhone, contactEmail });
  }

  protected submit(): void {
    if (this.form.invalid) {
      revealErrors(this.form);
      return;
    }
    const value = this.form.getRawValue();
    this.busy.set(true);
    this.problem.set(null);
    this.companies
      .updateContact({
        contactName: value.contactName.trim(),
        contactPhone: normalizePhone(value.contactPhone),
        contactEmail: value.contactEmail.trim(),
      })
      .pipe(
        finalize(() => this.busy.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (company) => this.saved.emit(company),
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          applyServerErrors(this.form, problem);
          this.problem.set(problem);
        },
      });
  }
}

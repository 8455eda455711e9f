import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
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
import {
  ApiRoutes,
  type CompanyLicenceView,
  type CompanyView,
} from '@portal/contracts';
import { CompanyApi, CompanyLicenceApi } from '@portal/web-data-access';
import {
  type ApiProblem,
  DateTimePipe,
  FieldErrorPipe,
  toApiProblem,
} from '@portal/web-i18n';
import {
  ErrorAlert,
  FilePreview,
  VerificationStatusBadge,
} from '@portal/web-ui';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { type Observable, finalize } from 'rxjs';

export interface ReviewDecision {
  readonly company: CompanyView;
  /** `gone`: the company was no longer pending (someone else decided first). */
  readonly outcome: 'verified' | 'rejected' | 'gone';
}

/** A pending company's details, with verify and reject (a rejection needs a comment). */
@Component({
  selector: 'app-company-review-drawer',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    NzButtonModule,
    NzDescriptionsModule,
    NzDrawerModule,
    NzFormModule,
    NzInputModule,
    DateTimePipe,
    ErrorAlert,
    FieldErrorPipe,
    FilePreview,
    FormKitStyles,
    VerificationStatusBadge,
  ],
  templateUrl: './company-review-drawer.html',
  styles: `
    /* The typed data beside the uploaded licence, on a screen wide enough for both. */
    .review-side-by-side {
      display: grid;
      gap: 16px;
    }
    @media (min-width: 900px) {
      .review-side-by-side {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        align-items: start;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompanyReviewDrawer {
  private readonly companies = inject(CompanyApi);
  private readonly licences = inject(CompanyLicenceApi);
  private readonly destroyRef = inject(DestroyRef);

  /** The company to show; null closes the drawer. */
  readonly company = input<CompanyView | null>(null);
  readonly canVerify = input(false);
  readonly decided = output<ReviewDecision>();
  readonly closed = output<void>();

  /** The company as last read from the API (the list row may be older). */
  protected readonly detail = signal<CompanyView | null>(null);
  /** The uploaded business licence, shown beside the typed data; null when none (or not yet read). */
  protected readonly licence = signal<CompanyLicenceView | null>(null);
  protected readonly licenceRead = signal(false);
  protected readonly licenceFile = ApiRoutes.companyLicenceFile;
  protected readonly busy = signal<'verify' | 'reject' | null>(null);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    comment: ['', Validators.maxLength(500)],
  });
  /** A company found already decided: dropped from the list when the drawer closes. */
  private gone: CompanyView | null = null;

  constructor() {
    effect((onCleanup) => {
      const company = this.company();
      this.detail.set(company);
      this.problem.set(null);
      this.form.reset();
      this.licence.set(null);
      this.licenceRead.set(false);
      if (!company) return;
      const subscription = this.companies.get(company.id).subscribe({
        next: (fresh) => this.detail.set(fresh),
        error: () => undefined, // The row's data stays; a real problem shows on decision.
      });
      const licence = this.licences.ofCompany(company.id).subscribe({
        next: (found) => {
          this.licence.set(found);
          this.licenceRead.set(true);
        },
        error: () => this.licenceRead.set(true),
      });
      onCleanup(() => {
        subscription.unsubscribe();
        licence.unsubscribe();
      });
    });
  }

  protected verify(company: CompanyView): void {
    const comment = this.form.getRawValue().comment.trim();
    this.decide(
      'verify',
      company,
      this.companies.verify(company.id, comment ? { comment } : {}),
      'verified',
    );
  }

  protected reject(company: CompanyView): void {
    const comment = this.form.getRawValue().comment.trim();
    const control = this.form.controls.comment;
    if (!comment) {
      control.markAsDirty();
      control.markAsTouched();
      control.setErrors({ 'comment.required': true });
      return;
    }
    this.decide(
      'reject',
      company,
      this.companies.reject(company.id, { comment }),
      'rejected',
    );
  }

  private decide(
    action: 'verify' | 'reject',
    company: CompanyView,
    request: Observable<CompanyView>,
    outcome: 'verified' | 'rejected',
  ): void {
    this.busy.set(action);
    this.problem.set(null);
    request
      .pipe(
        finalize(() => this.busy.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (updated) => this.decided.emit({ company: updated, outcome }),
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          this.problem.set(problem);
          if (problem.code === 'COMPANY_NOT_PENDING') this.gone = company;
        },
      });
  }

  protected close(): void {
    const gone = this.gone;
    this.gone = null;
    if (gone) this.decided.emit({ company: gone, outcome: 'gone' });
    else this.closed.emit();
  }
}

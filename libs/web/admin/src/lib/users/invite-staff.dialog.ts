import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import type {
  InviteStaffRequest,
  RegionView,
  StaffInvitationCreated,
  StaffOrganisationView,
  StaffRole,
} from '@portal/contracts';
import { EXPERT_DISCIPLINES, type MembershipGrant } from '@portal/domain';
import { StaffApi } from '@portal/web-data-access';
import {
  type ApiProblem,
  FieldErrorPipe,
  RoleLabelPipe,
  toApiProblem,
} from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { Subject, debounceTime, finalize, switchMap } from 'rxjs';
import { invitableRoles, placeableRegions } from './staff-scope';

/**
 * Invites one person into a staff role. The fields follow the role: a region for reviewers and
 * admins, the bank or provider for their officers, discipline, employer and conflicts for experts.
 */
@Component({
  selector: 'app-invite-staff-dialog',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    RoleLabelPipe,
    FieldErrorPipe,
    ErrorAlert,
    FormKitStyles,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzModalModule,
    NzSelectModule,
  ],
  templateUrl: './invite-staff.dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InviteStaffDialog {
  private readonly api = inject(StaffApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly open = input.required<boolean>();
  readonly grants = input.required<readonly MembershipGrant[]>();
  readonly regions = input.required<readonly RegionView[]>();
  readonly closed = output<void>();
  readonly invited = output<StaffInvitationCreated>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    role: ['reviewer' as StaffRole, Validators.required],
    regionCode: [''],
    organisationId: [''],
    discipline: ['technical' as 'technical' | 'finance'],
    employerId: [''],
    conflictIds: [[] as string[]],
  });
  protected readonly disciplines = EXPERT_DISCIPLINES;
  protected readonly role = toSignal(this.form.controls.role.valueChanges, {
    initialValue: this.form.controls.role.value,
  });
  protected readonly roles = computed(() =>
    invitableRoles(this.grants(), this.regions()),
  );
  protected readonly regionOptions = computed(() =>
    placeableRegions(this.grants(), this.regions(), this.role()),
  );
  protected readonly needsRegion = computed(
    () => this.role() === 'reviewer' || this.role() === 'bureau_admin',
  );
  protected readonly partnerKind = computed(() =>
    this.role() === 'bank_officer'
      ? 'bank'
      : this.role() === 'service_provider'
        ? 'provider'
        : null,
  );
  protected readonly partners = signal<readonly StaffOrganisationView[]>([]);
  protected readonly companies = signal<readonly StaffOrganisationView[]>([]);
  protected readonly saving = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly submitted = signal(false);
  private readonly companySearch = new Subject<string>();

  constructor() {
    this.form.controls.role.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => {
        this.form.patchValue({ regionCode: '', organisationId: '' });
        const kind = this.partnerKind();
        this.partners.set([]);
        if (kind)
          this.api
            .organisations(kind)
            .pipe(takeUntilDestroyed(this.destroyRef))
            .subscribe({ next: (list) => this.partners.set(list) });
      });
    this.companySearch
      .pipe(
        debounceTime(250),
        switchMap((q) => this.api.organisations('enterprise', q)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({ next: (list) => this.mergeCompanies(list) });
  }

  protected searchCompanies(q: string): void {
    this.companySearch.next(q);
  }

  protected cancel(): void {
    this.reset();
    this.closed.emit();
  }

  protected submit(): void {
    this.submitted.set(true);
    const value = this.form.getRawValue();
    if (
      this.form.invalid ||
      (this.needsRegion() && !value.regionCode) ||
      (this.partnerKind() && !value.organisationId)
    )
      return;
    const request: InviteStaffRequest = {
      email: value.email.trim(),
      role: value.role,
      ...(this.needsRegion() ? { regionCode: value.regionCode } : {}),
      ...(this.partnerKind() ? { organisationId: value.organisationId } : {}),
      ...(value.role === 'expert'
        ? {
            discipline: value.discipline,
            ...(value.employerId ? { employerId: value.employerId } : {}),
            conflictIds: value.conflictIds,
          }
        : {}),
    };
    this.saving.set(true);
    this.problem.set(null);
    this.api
      .invite(request)
      .pipe(
        finalize(() => this.saving.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (created) => {
          this.reset();
          this.invited.emit(created);
        },
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }

  private mergeCompanies(list: readonly StaffOrganisationView[]): void {
    const chosen = new Set([
      this.form.controls.employerId.value,
      ...this.form.controls.conflictIds.value,
    ]);
    const kept = this.companies().filter((c) => chosen.has(c.id));
    this.companies.set([
      ...kept,
      ...list.filter((c) => !kept.some((k) => k.id === c.id)),
    ]);
  }

  private reset(): void {
    this.form.reset();
    this.submitted.set(false);
    this.problem.set(null);
  }
}

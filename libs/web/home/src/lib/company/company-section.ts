import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import type { CompanyView, MemberView } from '@portal/contracts';
import {
  COMPANY_ROLES,
  type CompanyRole,
  memberChangeProblem,
} from '@portal/domain';
import { CompanyApi, SessionStore } from '@portal/web-data-access';
import {
  type ApiProblem,
  DateTimePipe,
  RoleLabelPipe,
  toApiProblem,
} from '@portal/web-i18n';
import { ErrorAlert, VerificationStatusBadge } from '@portal/web-ui';
import { DataKitStyles } from '@portal/web-ui/data-kit';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { FormsModule } from '@angular/forms';
import { finalize } from 'rxjs';
import { CompanyContactForm } from './company-contact-form';
import { CompanyLicenceCard } from './company-licence-card';
import { InviteMemberForm } from './invite-member-form';

/** The enterprise's own company: profile with verification status, members, invitations. */
@Component({
  selector: 'app-company-section',
  imports: [
    RouterLink,
    TranslatePipe,
    NzAlertModule,
    NzButtonModule,
    NzDescriptionsModule,
    NzPopconfirmModule,
    NzSelectModule,
    FormsModule,
    NzSpinModule,
    NzTableModule,
    DataKitStyles,
    DateTimePipe,
    CompanyContactForm,
    CompanyLicenceCard,
    ErrorAlert,
    InviteMemberForm,
    RoleLabelPipe,
    VerificationStatusBadge,
  ],
  templateUrl: './company-section.html',
  styles: `
    .company-contact-edit {
      margin-top: 12px;
    }
    .company-services {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .member-actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
    .member-actions nz-select {
      width: 140px;
    }
    .company-services li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      padding: 6px 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CompanySection implements OnInit {
  private readonly companies = inject(CompanyApi);
  private readonly session = inject(SessionStore);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly company = signal<CompanyView | null>(null);
  protected readonly companyProblem = signal<ApiProblem | null>(null);
  protected readonly members = signal<readonly MemberView[]>([]);
  protected readonly membersLoading = signal(true);
  protected readonly membersProblem = signal<ApiProblem | null>(null);
  protected readonly canManageMembers = computed(() =>
    this.session.can('company.members.manage'),
  );

  protected readonly companyRoles = COMPANY_ROLES;
  /** The member whose change is on its way (their row's controls wait). */
  protected readonly busyMember = signal<string | null>(null);
  protected readonly memberNotice = signal<string | null>(null);
  /** Members who are the company's only administrator: neither removed nor made members. */
  protected readonly lastAdmins = computed(() => {
    const members = this.members();
    return new Set(
      members
        .filter(
          (m) =>
            memberChangeProblem(members, m.userId, { kind: 'remove' }) ===
            'last_admin',
        )
        .map((m) => m.userId),
    );
  });
  protected readonly selfId = computed(() => this.session.me()?.id ?? null);

  protected removeMember(member: MemberView): void {
    this.updateMembers(member, 'members.removed', () =>
      this.companies.removeMember(member.userId),
    );
  }

  protected changeRole(member: MemberView, role: CompanyRole): void {
    if (role === member.role) return;
    this.updateMembers(member, 'members.roleChanged', () =>
      this.companies.changeMemberRole(member.userId, { role }),
    );
  }

  private updateMembers(
    member: MemberView,
    notice: string,
    request: () => ReturnType<CompanyApi['removeMember']>,
  ): void {
    this.busyMember.set(member.userId);
    this.membersProblem.set(null);
    this.memberNotice.set(null);
    request()
      .pipe(
        finalize(() => this.busyMember.set(null)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (members) => {
          this.members.set(members);
          this.memberNotice.set(notice);
          // Their own change: the session's permissions change (or it ended) with it.
          if (member.userId === this.selfId()) void this.session.refresh();
        },
        error: (error: unknown) => {
          this.membersProblem.set(toApiProblem(error));
          // Show the members as they are now (the select goes back to the kept role).
          this.members.set([...this.members()]);
        },
      });
  }

  protected readonly canEditProfile = computed(() =>
    this.session.can('company.profile.update'),
  );
  protected readonly editingContact = signal(false);
  protected readonly contactSaved = signal(false);

  protected editContact(): void {
    this.contactSaved.set(false);
    this.editingContact.set(true);
  }

  protected contactChanged(company: CompanyView): void {
    this.company.set(company);
    this.editingContact.set(false);
    this.contactSaved.set(true);
  }

  ngOnInit(): void {
    this.companies
      .mine()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (company) => this.company.set(company),
        error: (error: unknown) => this.companyProblem.set(toApiProblem(error)),
      });
    this.companies
      .members()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (members) => {
          this.members.set(members);
          this.membersLoading.set(false);
        },
        error: (error: unknown) => {
          this.membersProblem.set(toApiProblem(error));
          this.membersLoading.set(false);
        },
      });
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type OnInit,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type {
  RegionView,
  StaffInvitationCreated,
  StaffMemberView,
  StaffRole,
} from '@portal/contracts';
import { ADMINISTERED_ROLES } from '@portal/domain';
import { SessionStore, StaffApi } from '@portal/web-data-access';
import {
  type ApiProblem,
  RoleLabelPipe,
  toApiProblem,
  useFeatureTranslations,
} from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { DataKitStyles } from '@portal/web-ui/data-kit';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { finalize } from 'rxjs';
import { BUREAU_ADMIN_TRANSLATIONS } from '../bureau-admin.translations';
import { AdminKitStyles } from '../shared/admin-kit-styles';
import { InviteStaffDialog } from './invite-staff.dialog';
import {
  adminGrants,
  canManage,
  invitableRoles,
  regionsInScope,
} from './staff-scope';

export const STAFF_PAGE_SIZE = 25;

/** What a confirmation dialog is about to do, and to whom. */
type PendingChange =
  | { readonly kind: 'deactivate'; readonly member: StaffMemberView }
  | { readonly kind: 'reactivate'; readonly member: StaffMemberView }
  | { readonly kind: 'reset'; readonly member: StaffMemberView };

/**
 * The staff of the admin's region: filter by role, region, status and name; invite; deactivate
 * and reactivate with a confirmation; reset a second factor with a reason. At /admin/experts
 * the same list opens on the expert pool.
 */
@Component({
  selector: 'app-staff-page',
  imports: [
    FormsModule,
    RouterLink,
    TranslatePipe,
    RoleLabelPipe,
    ErrorAlert,
    DataKitStyles,
    FormKitStyles,
    AdminKitStyles,
    InviteStaffDialog,
    NzButtonModule,
    NzInputModule,
    NzModalModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
  ],
  templateUrl: './staff.page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffPage implements OnInit {
  private readonly api = inject(StaffApi);
  private readonly session = inject(SessionStore);
  private readonly messages = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly roles = ADMINISTERED_ROLES;
  protected readonly grants = computed(() =>
    adminGrants(this.session.me()?.memberships ?? []),
  );
  protected readonly regions = signal<readonly RegionView[]>([]);
  /** Only the province's admins reach the expert pool: they get a way between the two views. */
  protected readonly managesExperts = computed(() =>
    invitableRoles(this.grants(), []).includes('expert'),
  );
  protected readonly scopeRegions = computed(() =>
    regionsInScope(this.grants(), this.regions()),
  );

  protected role: StaffRole | '' =
    (inject(ActivatedRoute).snapshot.data['role'] as StaffRole | undefined) ??
    '';
  protected readonly expertPool = this.role === 'expert';
  protected regionCode = '';
  protected active: '' | 'true' | 'false' = '';
  protected q = '';

  protected readonly members = signal<readonly StaffMemberView[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly inviting = signal(false);
  protected readonly pending = signal<PendingChange | null>(null);
  /** What the dialog shows: kept while it fades out after `pending` is cleared. */
  protected readonly shown = signal<PendingChange | null>(null);
  protected readonly changing = signal(false);
  protected readonly changeProblem = signal<ApiProblem | null>(null);
  protected reason = '';
  protected readonly reasonMissing = signal(false);

  constructor() {
    // This feature's strings come with its pages, not with the first bundle.
    useFeatureTranslations(BUREAU_ADMIN_TRANSLATIONS);
  }

  ngOnInit(): void {
    this.load();
    this.api
      .regions()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (r) => this.regions.set(r) });
  }

  protected load(more = false): void {
    const cursor = more ? this.nextCursor() : null;
    this.loading.set(true);
    this.problem.set(null);
    this.api
      .list({
        limit: STAFF_PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
        ...(this.role ? { role: this.role } : {}),
        ...(this.regionCode ? { regionCode: this.regionCode } : {}),
        ...(this.active ? { active: this.active === 'true' } : {}),
        ...(this.q.trim() ? { q: this.q.trim() } : {}),
      })
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (page) => {
          this.members.update((list) =>
            more ? [...list, ...page.items] : page.items,
          );
          this.nextCursor.set(page.nextCursor);
        },
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }

  protected clearFilters(): void {
    this.role = this.expertPool ? 'expert' : '';
    this.regionCode = '';
    this.active = '';
    this.q = '';
    this.load();
  }

  protected manageable(member: StaffMemberView): boolean {
    return canManage(this.grants(), member, this.session.me()?.id);
  }

  protected regionName(code: string): string {
    return this.regions().find((r) => r.code === code)?.name ?? code;
  }

  protected invited(created: StaffInvitationCreated): void {
    this.inviting.set(false);
    this.messages.success(
      this.translate.instant('staff.invite.sent', {
        email: created.email,
        organisation: created.organisationName,
      }),
    );
  }

  protected ask(kind: PendingChange['kind'], member: StaffMemberView): void {
    this.reason = '';
    this.reasonMissing.set(false);
    this.changeProblem.set(null);
    this.pending.set({ kind, member });
    this.shown.set({ kind, member });
  }

  protected cancelChange(): void {
    this.pending.set(null);
  }

  protected confirmChange(): void {
    const pending = this.pending();
    if (!pending) return;
    const reason = this.reason.trim();
    if (pending.kind === 'reset' && !reason) {
      this.reasonMissing.set(true);
      return;
    }
    const id = pending.member.userId;
    const call =
      pending.kind === 'deactivate'
        ? this.api.deactivate(id, reason)
        : pending.kind === 'reactivate'
          ? this.api.reactivate(id)
          : this.api.resetSecondFactor(id, reason);
    this.changing.set(true);
    this.changeProblem.set(null);
    call
      .pipe(
        finalize(() => this.changing.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (updated) => {
          this.members.update((list) =>
            list.map((m) => (m.userId === updated.userId ? updated : m)),
          );
          this.pending.set(null);
          this.messages.success(
            this.translate.instant(`staff.done.${pending.kind}`, {
              name: updated.name,
            }),
          );
        },
        error: (error: unknown) => this.changeProblem.set(toApiProblem(error)),
      });
  }
}

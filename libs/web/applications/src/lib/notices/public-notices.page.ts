import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ViewEncapsulation,
  type OnInit,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { MyObjectionView, PublicNoticeView } from '@portal/contracts';
import { RouterLink } from '@angular/router';
import { ApplicationsApi, SessionStore } from '@portal/web-data-access';
import {
  type ApiProblem,
  DateTimePipe,
  FieldErrorPipe,
  LabelPipe,
  toApiProblem,
} from '@portal/web-i18n';
import { ErrorAlert, applyServerErrors, revealErrors } from '@portal/web-ui';
import { DataKitStyles } from '@portal/web-ui/data-kit';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { finalize } from 'rxjs';
import { typeLabel } from '../shared/application-type';
import { ApplicationsKitStyles } from '../shared/applications-kit-styles';

/** Whether a notice still takes an objection: `closed` once the notice has ended. */
export type ObjectionWindow = 'open' | 'closed';

export function objectionWindow(
  notice: PublicNoticeView,
  now: number,
): ObjectionWindow {
  if (notice.noticeEndsAt !== null && Date.parse(notice.noticeEndsAt) <= now)
    return 'closed';
  return 'open';
}

/**
 * The cases in public notice (公示), readable by anyone without logging in: the holder, the
 * programme, the reference and the notice period, nothing else. A signed-in user may lodge a
 * real-name objection while the notice runs, and sees below what became of their objections;
 * an anonymous visitor is offered the log-in.
 */
@Component({
  selector: 'app-public-notices-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzModalModule,
    NzTableModule,
    NzTagModule,
    ApplicationsKitStyles,
    DataKitStyles,
    DateTimePipe,
    ErrorAlert,
    FieldErrorPipe,
    FormKitStyles,
    LabelPipe,
  ],
  templateUrl: './public-notices.page.html',
  styleUrl: './public-notices.page.css',
  // The phone layout restyles ng-zorro's table rows: plain global rules under its own class.
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PublicNoticesPage implements OnInit {
  private readonly api = inject(ApplicationsApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly messages = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly session = inject(SessionStore);

  /** A signed-in user may object; anyone else is offered the log-in, coming back here. */
  protected readonly signedIn = this.session.isAuthenticated;
  protected readonly loginQuery = { returnUrl: '/notices' };
  /** The signed-in user's own objections and their outcomes. */
  protected readonly myObjections = signal<readonly MyObjectionView[]>([]);

  protected readonly typeLabel = typeLabel;
  protected readonly notices = signal<readonly PublicNoticeView[]>([]);
  /** Each notice's objection window, as it stood when the list was read. */
  protected readonly windows = signal<ReadonlyMap<string, ObjectionWindow>>(
    new Map(),
  );
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);

  /** The notice being objected to; null closes the dialog. */
  protected readonly objecting = signal<PublicNoticeView | null>(null);
  protected readonly sending = signal(false);
  protected readonly objectionProblem = signal<ApiProblem | null>(null);
  protected readonly objection = this.fb.group({
    realName: [
      '',
      [Validators.required, Validators.minLength(2), Validators.maxLength(100)],
    ],
    reasons: [
      '',
      [
        Validators.required,
        Validators.minLength(10),
        Validators.maxLength(4000),
      ],
    ],
  });

  ngOnInit(): void {
    this.load();
    void this.session.ensureLoaded().then(() => this.loadMine());
  }

  /** The user's own objections; nothing for a visitor who is not signed in. */
  private loadMine(): void {
    if (!this.signedIn()) return;
    this.api
      .myObjections()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (objections) => this.myObjections.set(objections),
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }

  protected load(): void {
    this.loading.set(true);
    this.problem.set(null);
    this.api
      .publicNotices()
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (notices) => {
          const now = Date.now();
          this.windows.set(
            new Map(
              notices.map((n) => [n.applicationId, objectionWindow(n, now)]),
            ),
          );
          this.notices.set(notices);
          this.loaded.set(true);
        },
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }

  protected startObjection(notice: PublicNoticeView): void {
    this.objection.reset();
    this.objectionProblem.set(null);
    this.objecting.set(notice);
  }

  protected cancelObjection(): void {
    if (!this.sending()) this.objecting.set(null);
  }

  protected sendObjection(): void {
    const notice = this.objecting();
    if (!notice) return;
    const form = this.objection;
    if (form.invalid) {
      revealErrors(form);
      return;
    }
    const { realName, reasons } = form.getRawValue();
    this.sending.set(true);
    this.objectionProblem.set(null);
    this.api
      .object(notice.applicationId, {
        realName: realName.trim(),
        reasons: reasons.trim(),
      })
      .pipe(
        finalize(() => this.sending.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: () => {
          this.objecting.set(null);
          this.messages.success(
            this.translate.instant('notices.objected', {
              reference: notice.reference,
            }),
          );
          this.load();
          this.loadMine();
        },
        error: (error: unknown) => {
          const problem = toApiProblem(error);
          this.objectionProblem.set(problem);
          applyServerErrors(form, problem);
        },
      });
  }
}

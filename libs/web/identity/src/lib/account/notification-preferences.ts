import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type {
  NotificationPreferencesView,
  UpdateNotificationPreferencesRequest,
} from '@portal/contracts';
import { NotificationsApi } from '@portal/web-data-access';
import { type ApiProblem, toApiProblem } from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { finalize } from 'rxjs';

/**
 * Which notices also come by e-mail. The daily digest is offered only to those who may take it;
 * what the enterprise must hear is e-mailed anyway, and the bell always shows every notice.
 */
@Component({
  selector: 'app-notification-preferences',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    NzButtonModule,
    NzSwitchModule,
    ErrorAlert,
  ],
  templateUrl: './notification-preferences.html',
  styleUrl: './notification-preferences.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationPreferences implements OnInit {
  private readonly api = inject(NotificationsApi);
  private readonly messages = inject(NzMessageService);
  private readonly translate = inject(TranslateService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly preferences = signal<NotificationPreferencesView | null>(
    null,
  );
  protected readonly saving = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    statusChangeEmail: [true],
    reminderEmail: [true],
    dailyDigest: [false],
  });

  ngOnInit(): void {
    this.api
      .preferences()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (preferences) => this.show(preferences),
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }

  protected save(): void {
    const preferences = this.preferences();
    if (!preferences) return;
    const { statusChangeEmail, reminderEmail, dailyDigest } =
      this.form.getRawValue();
    const request: UpdateNotificationPreferencesRequest = {
      statusChangeEmail,
      reminderEmail,
      ...(preferences.digestAvailable ? { dailyDigest } : {}),
    };
    this.saving.set(true);
    this.problem.set(null);
    this.api
      .updatePreferences(request)
      .pipe(
        finalize(() => this.saving.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (saved) => {
          this.show(saved);
          this.messages.success(
            this.translate.instant('notificationPrefs.saved'),
          );
        },
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }

  private show(preferences: NotificationPreferencesView): void {
    this.preferences.set(preferences);
    this.form.reset({
      statusChangeEmail: preferences.statusChangeEmail,
      reminderEmail: preferences.reminderEmail,
      dailyDigest: preferences.dailyDigest,
    });
  }
}

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
import { TranslatePipe } from '@ngx-translate/core';
import { ApiRoutes, type OutboxMailView } from '@portal/contracts';
import { AdminApi, SessionStore } from '@portal/web-data-access';
import { type ApiProblem, DateTimePipe, toApiProblem } from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { DataKitStyles } from '@portal/web-ui/data-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzTableModule } from 'ng-zorro-antd/table';
import { finalize } from 'rxjs';

/** E-mails written as .eml files (no SMTP configured), and the way to the queue dashboard. */
@Component({
  selector: 'app-mail-outbox-section',
  imports: [
    TranslatePipe,
    NzButtonModule,
    NzTableModule,
    DataKitStyles,
    DateTimePipe,
    ErrorAlert,
  ],
  templateUrl: './mail-outbox-section.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MailOutboxSection implements OnInit {
  private readonly admin = inject(AdminApi);
  private readonly session = inject(SessionStore);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly mails = signal<readonly OutboxMailView[]>([]);
  protected readonly loading = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly canOpenQueues = computed(() =>
    this.session.can('queues.dashboard'),
  );
  protected readonly queueDashboardUrl = ApiRoutes.queueDashboard;

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.problem.set(null);
    this.admin
      .mailOutbox()
      .pipe(
        finalize(() => this.loading.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (mails) => this.mails.set(mails),
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }
}

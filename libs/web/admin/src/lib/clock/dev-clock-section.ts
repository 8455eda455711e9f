import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { TranslatePipe } from '@ngx-translate/core';
import type { MoveClockRequest, MoveClockResult } from '@portal/contracts';
import { PortalClockStore } from '@portal/web-data-access';
import { type ApiProblem, toApiProblem } from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { DataKitStyles } from '@portal/web-ui/data-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { finalize } from 'rxjs';

const BEIJING_MS = 8 * 3_600_000;

/** `2027-01-05 10:00`, Beijing time. */
function beijing(iso: string): string {
  return new Date(Date.parse(iso) + BEIJING_MS)
    .toISOString()
    .slice(0, 16)
    .replace('T', ' ');
}

/**
 * The system administrator's development clock: where the portal's time stands, and moving it
 * forward by days or to a Beijing time. Shown only where the API allows moves (never in
 * production); the move waits for the timers it makes due.
 */
@Component({
  selector: 'app-dev-clock-section',
  imports: [
    TranslatePipe,
    NzButtonModule,
    NzInputModule,
    DataKitStyles,
    ErrorAlert,
  ],
  templateUrl: './dev-clock-section.html',
  styles: `
    .dev-clock__row {
      align-items: flex-end;
      margin-bottom: 12px;
    }
    .dev-clock__field {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .dev-clock__field input {
      width: 240px;
      max-width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DevClockSection {
  private readonly store = inject(PortalClockStore);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly clock = this.store.clock;
  protected readonly now = computed(() => {
    const clock = this.clock();
    return clock ? beijing(clock.now) : '';
  });
  protected readonly days = signal(10);
  /** `YYYY-MM-DDTHH:mm` of a datetime-local input, read as Beijing time. */
  protected readonly date = signal('');
  protected readonly moving = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly result = signal<MoveClockResult | null>(null);
  protected readonly movedTo = computed(() => {
    const result = this.result();
    return result ? beijing(result.now) : '';
  });

  protected setDays(value: string): void {
    this.days.set(Number(value));
  }

  protected setDate(value: string): void {
    this.date.set(value);
  }

  protected moveBy(): void {
    this.move({ advanceDays: this.days() });
  }

  protected moveTo(): void {
    if (!this.date()) return;
    this.move({ advanceTo: `${this.date()}:00+08:00` });
  }

  private move(request: MoveClockRequest): void {
    this.moving.set(true);
    this.problem.set(null);
    this.result.set(null);
    this.store
      .move(request)
      .pipe(
        finalize(() => this.moving.set(false)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (result) => this.result.set(result),
        error: (error: unknown) => this.problem.set(toApiProblem(error)),
      });
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

const BEIJING_MS = 8 * 3_600_000;

/**
 * Says on every page that a development clock has moved the portal's time, and to when
 * (Beijing time, as every date of a case). nz-alert's markup on a plain element, so the shell's
 * first load carries no alert component.
 */
@Component({
  selector: 'app-clock-banner',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="ant-alert ant-alert-warning ant-alert-banner app-clock-banner"
      role="status"
      data-testid="clock-banner"
    >
      <span class="ant-alert-message">{{
        'devClock.banner' | translate: { at: at() }
      }}</span>
    </div>
  `,
  styles: `
    .app-clock-banner {
      justify-content: center;
      text-align: center;
      padding: 6px 16px;
    }
  `,
})
export class ClockBanner {
  /** The portal's now, ISO 8601. */
  readonly now = input.required<string>();

  /** `2027-01-05 10:00`, Beijing time. */
  protected readonly at = computed(() => {
    const ms = Date.parse(this.now());
    return Number.isNaN(ms)
      ? this.now()
      : new Date(ms + BEIJING_MS).toISOString().slice(0, 16).replace('T', ' ');
  });
}

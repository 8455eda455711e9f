import {
  ChangeDetectionStrategy,
  Component,
  input,
  model,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { PortalClockView } from '@portal/contracts';

/** The portal's current year (Beijing time), by the business clock once it is read. */
export function portalYear(clock: PortalClockView | null): number {
  const now = clock ? new Date(clock.now) : new Date();
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}

/** The years from `before` years back to `after` years ahead of `year`. */
export function yearsAround(
  year: number,
  before: number,
  after: number,
): number[] {
  return Array.from(
    { length: before + after + 1 },
    (_, i) => year - before + i,
  );
}

/** A labelled choice of year, for the pages that show one year at a time. */
@Component({
  selector: 'app-year-select',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="app-year-select">
      <span>{{ label() | translate }}</span>
      <select
        class="app-year-select__control"
        [attr.data-testid]="testId()"
        (change)="choose($event)"
      >
        @for (y of years(); track y) {
          <option [value]="y" [selected]="y === year()">{{ y }}</option>
        }
      </select>
    </label>
  `,
  styles: `
    .app-year-select {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .app-year-select__control {
      height: 32px;
      padding: 0 8px;
      border: 1px solid #d9d9d9;
      border-radius: 6px;
      background: #fff;
    }
    .app-year-select__control:focus-visible {
      outline: 2px solid #1677ff;
      outline-offset: 1px;
    }
  `,
})
export class YearSelect {
  readonly years = input.required<readonly number[]>();
  /** The translation key of the label. */
  readonly label = input.required<string>();
  readonly testId = input<string>();
  readonly year = model.required<number>();

  protected choose(event: Event): void {
    this.year.set(Number((event.target as HTMLSelectElement).value));
  }
}

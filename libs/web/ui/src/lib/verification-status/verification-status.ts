import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { VerificationStatus } from '@portal/contracts';

/** nz-tag's status colours, as its classes. */
const COLORS: Readonly<Record<VerificationStatus, string>> = {
  pending: 'ant-tag-processing',
  verified: 'ant-tag-success',
  rejected: 'ant-tag-error',
};

/**
 * The badge of a company's verification: pending / verified / rejected. nz-tag's markup on a
 * plain element (its styles are global): the component would bring ng-zorro's colour helpers
 * into every page that imports this library, the log-in page included.
 */
@Component({
  selector: 'app-verification-status',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span
      class="ant-tag"
      data-testid="verification-status"
      [class]="color()"
      [attr.data-status]="status()"
      >{{ 'verification.status.' + status() | translate }}</span
    >
  `,
})
export class VerificationStatusBadge {
  readonly status = input.required<VerificationStatus>();

  protected readonly color = computed(() => COLORS[this.status()]);
}

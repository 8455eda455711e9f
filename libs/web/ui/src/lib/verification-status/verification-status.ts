import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { VerificationStatus } from '@portal/contracts';
import { NzTagModule } from 'ng-zorro-antd/tag';

const COLORS: Readonly<Record<VerificationStatus, string>> = {
  pending: 'processing',
  verified: 'success',
  rejected: 'error',
};

/** The badge of a company's verification: pending / verified / rejected. */
@Component({
  selector: 'app-verification-status',
  imports: [NzTagModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-tag
      data-testid="verification-status"
      [attr.data-status]="status()"
      [nzColor]="color()"
      >{{ 'verification.status.' + status() | translate }}</nz-tag
    >
  `,
})
export class VerificationStatusBadge {
  readonly status = input.required<VerificationStatus>();

  protected readonly color = computed(() => COLORS[this.status()]);
}

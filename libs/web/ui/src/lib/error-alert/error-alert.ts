import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { type ApiProblem, ErrorTranslator } from '@portal/web-i18n';
import { NzAlertModule } from 'ng-zorro-antd/alert';

/** A failed request: its translated message and, small, the reference support asks for. */
@Component({
  selector: 'app-error-alert',
  imports: [NzAlertModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problem(); as problem) {
      <nz-alert
        nzType="error"
        nzShowIcon
        role="alert"
        data-testid="error-alert"
        [attr.data-code]="problem.code"
        [nzMessage]="text()"
        [nzDescription]="problem.correlationId ? reference : null"
      />
      <ng-template #reference>
        <small class="app-muted" data-testid="error-reference">
          {{ 'common.reference' | translate: { id: problem.correlationId } }}
        </small>
      </ng-template>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    :host:not(:empty) {
      margin-bottom: 16px;
    }
  `,
})
export class ErrorAlert {
  private readonly errors = inject(ErrorTranslator);

  readonly problem = input<ApiProblem | null>(null);

  protected readonly text = computed(() => {
    const problem = this.problem();
    return problem ? this.errors.message(problem) : '';
  });
}

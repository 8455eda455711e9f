import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { type ApiProblem, ErrorTranslator } from '@portal/web-i18n';
import { Icon } from '../icon/icon';

/**
 * A failed request: its translated message and, small, the reference support asks for.
 *
 * nz-alert's markup on plain elements (its styles are global): the component itself would bring
 * nz-icon's registry and a colour library into every page that can fail, the log-in page first.
 */
@Component({
  selector: 'app-error-alert',
  imports: [Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (problem(); as problem) {
      <div
        class="ant-alert ant-alert-error"
        role="alert"
        data-testid="error-alert"
        [class.ant-alert-with-description]="problem.correlationId"
        [attr.data-code]="problem.code"
      >
        <div class="ant-alert-icon">
          <app-icon
            [name]="
              problem.correlationId ? 'close-circle' : 'close-circle-fill'
            "
          />
        </div>
        <div class="ant-alert-content">
          <span class="ant-alert-message">{{ text() }}</span>
          @if (problem.correlationId) {
            <span class="ant-alert-description">
              <small class="app-muted" data-testid="error-reference">
                {{
                  'common.reference' | translate: { id: problem.correlationId }
                }}
              </small>
            </span>
          }
        </div>
      </div>
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

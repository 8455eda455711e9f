import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { EligibilityReport } from '@portal/domain';
import { LabelPipe } from '@portal/web-i18n';
import { Icon } from '@portal/web-ui';

/**
 * The eligibility part of the automated check, rule by rule, as the programme explained each one
 * (the policy it applies, and why a rule held or not). Nothing here knows a programme's rules.
 */
@Component({
  selector: 'app-eligibility-report',
  imports: [Icon, LabelPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="eligibility" data-testid="eligibility-report">
      <div class="eligibility__title">
        {{ 'application.eligibility' | translate: { policy: report().policy } }}
      </div>
      <ul>
        @for (rule of report().rules; track rule.rule) {
          <li
            data-testid="eligibility-rule"
            [attr.data-rule]="rule.rule"
            [attr.data-passed]="rule.passed"
            [class.failed]="!rule.passed"
          >
            <app-icon [name]="rule.passed ? 'check-circle' : 'close-circle'" />
            <span class="eligibility__hidden">{{
              (rule.passed
                ? 'application.rulePassed'
                : 'application.ruleFailed'
              ) | translate
            }}</span>
            <span>{{ rule.explanation | appLabel }}</span>
          </li>
        }
      </ul>
    </div>
  `,
  styles: `
    .eligibility {
      margin-top: 8px;
    }
    .eligibility__title {
      font-weight: 600;
    }
    ul {
      margin: 4px 0 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: flex;
      align-items: flex-start;
      gap: 6px;
      overflow-wrap: anywhere;
    }
    /* As tall as a line of text, so the icon sits centred on a rule's first line. */
    app-icon {
      display: inline-flex;
      flex: none;
      align-items: center;
      height: 1.5715em;
      color: #389e0d;
    }
    li.failed app-icon {
      color: #cf1322;
    }
    .eligibility__hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
})
export class EligibilityReportView {
  readonly report = input.required<EligibilityReport>();
}

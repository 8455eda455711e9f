import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { CompanyYearFigures, EligibilityReport } from '@portal/domain';
import {
  LabelPipe,
  LanguageService,
  useFeatureTranslations,
} from '@portal/web-i18n';
import { Icon } from '@portal/web-ui';
import { CASE_REVIEW_TRANSLATIONS } from './case-review.translations';

/** The yearly figures the rules read, in the order the company's figures page groups them. */
const FIGURE_ROWS: readonly {
  readonly key: string;
  readonly value: (y: CompanyYearFigures) => number;
  readonly money: boolean;
}[] = [
  { key: 'totalRevenue', value: (y) => y.totalRevenue, money: true },
  { key: 'salesRevenue', value: (y) => y.salesRevenue, money: true },
  { key: 'highTechRevenue', value: (y) => y.highTechRevenue, money: true },
  { key: 'rdExpense', value: (y) => y.rdExpense, money: true },
  { key: 'rdExpenseDomestic', value: (y) => y.rdExpenseDomestic, money: true },
  { key: 'staff', value: (y) => y.staff, money: false },
  { key: 'scienceTechStaff', value: (y) => y.scienceTechStaff, money: false },
  { key: 'netAssets', value: (y) => y.netAssets, money: true },
  { key: 'ip_classOne', value: (y) => y.ip.classOne, money: false },
  { key: 'ip_classTwo', value: (y) => y.ip.classTwo, money: false },
];

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
            <div class="eligibility__rule">
              @if (rule.label) {
                <strong data-testid="eligibility-rule-name">{{
                  rule.label | appLabel
                }}</strong>
              }
              <span>{{ rule.explanation | appLabel }}</span>
              @if (rule.threshold) {
                <div class="eligibility__figures app-muted">
                  <span data-testid="eligibility-measured"
                    >{{ 'caseReview.measured' | translate }}
                    {{
                      rule.measured
                        ? (rule.measured | appLabel)
                        : ('caseReview.noFigure' | translate)
                    }}</span
                  >
                  <span data-testid="eligibility-threshold"
                    >{{ 'caseReview.threshold' | translate }}
                    {{ rule.threshold | appLabel }}</span
                  >
                </div>
              }
            </div>
          </li>
        }
      </ul>
      @if (years().length) {
        <div class="eligibility__title eligibility__years-title">
          {{ 'caseReview.figuresUsed' | translate }}
        </div>
        <div
          class="eligibility__scroll"
          tabindex="0"
          role="region"
          [attr.aria-label]="'caseReview.figuresUsed' | translate"
        >
          <table class="eligibility__years" data-testid="eligibility-figures">
            <thead>
              <tr>
                <th scope="col">{{ 'figures.year' | translate }}</th>
                @for (y of years(); track y.year) {
                  <th scope="col">{{ y.year }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (row of rows(); track row.key) {
                <tr [attr.data-figure]="row.key">
                  <th scope="row">
                    {{ 'figures.fields.' + row.key | translate }}
                    @if (row.money) {
                      <span class="app-muted">{{
                        'caseReview.yuan' | translate
                      }}</span>
                    }
                  </th>
                  @for (value of row.values; track $index) {
                    <td>{{ value }}</td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
      }
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
    .eligibility__rule {
      display: flex;
      flex-wrap: wrap;
      gap: 0 8px;
      min-width: 0;
    }
    .eligibility__figures {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
      width: 100%;
    }
    .eligibility__years-title {
      margin-top: 12px;
    }
    .eligibility__scroll {
      max-width: 100%;
      overflow-x: auto;
    }
    .eligibility__scroll:focus-visible {
      outline: 2px solid #1677ff;
    }
    .eligibility__years {
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    .eligibility__years th,
    .eligibility__years td {
      padding: 2px 10px;
      border-bottom: 1px solid #f0f0f0;
      text-align: right;
      white-space: nowrap;
    }
    .eligibility__years th[scope='row'],
    .eligibility__years thead th:first-child {
      text-align: left;
      font-weight: 400;
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
  private readonly languages = inject(LanguageService);

  constructor() {
    useFeatureTranslations(CASE_REVIEW_TRANSLATIONS);
  }

  readonly report = input.required<EligibilityReport>();

  protected readonly years = computed(() => this.report().figuresUsed ?? []);

  /** One row per figure, one cell per year; money in yuan as the portal keeps it. */
  protected readonly rows = computed(() => {
    const language = this.languages.language();
    return FIGURE_ROWS.map((row) => ({
      key: row.key,
      money: row.money,
      values: this.years().map((y) => row.value(y).toLocaleString(language)),
    }));
  });
}

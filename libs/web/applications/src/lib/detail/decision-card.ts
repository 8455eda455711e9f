import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { ApplicationDecision } from '@portal/domain';
import { LanguageService } from '@portal/web-i18n';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';

type ValueKind = 'yuan' | 'percent' | 'months' | 'date' | 'text';

/** The parts of a decision the card shows; a commitment is a list of items, not facts in rows. */
type DecisionKey = Exclude<keyof ApplicationDecision, 'commitment'>;

/** The decisions the portal shows, in this order, with the facts of each worth reading. */
const DECISION_SECTIONS: readonly {
  readonly key: DecisionKey;
  readonly fields: Readonly<Record<string, ValueKind>>;
}[] = [
  {
    key: 'voucher',
    fields: {
      amountYuan: 'yuan',
      ratePercent: 'percent',
      issuedOn: 'date',
      validUntil: 'date',
    },
  },
  {
    key: 'redemption',
    fields: { invoiceAmountYuan: 'yuan', subsidyYuan: 'yuan' },
  },
  {
    key: 'contract',
    fields: {
      providerName: 'text',
      contractNumber: 'text',
      contractAmountYuan: 'yuan',
      signedOn: 'date',
    },
  },
  { key: 'bank', fields: { name: 'text' } },
  {
    key: 'loanTerms',
    fields: {
      amountYuan: 'yuan',
      ratePercent: 'percent',
      termMonths: 'months',
    },
  },
  { key: 'disbursement', fields: { disbursedOn: 'date', amountYuan: 'yuan' } },
  {
    key: 'certificate',
    fields: { number: 'text', issuedOn: 'date', validUntil: 'date' },
  },
  {
    key: 'registration',
    fields: {
      number: 'text',
      evaluationYear: 'text',
      issuedOn: 'date',
      validUntil: 'date',
    },
  },
  {
    key: 'project',
    fields: { approvedBudgetYuan: 'yuan', approvedOn: 'date' },
  },
];

export interface DecisionRow {
  readonly labelKey: string;
  readonly value: string;
}

export interface DecisionSection {
  readonly key: string;
  readonly titleKey: string;
  readonly rows: readonly DecisionRow[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What the decisions recorded (voucher, loan terms, certificate, registration...), only the facts present. */
@Component({
  selector: 'app-decision-card',
  imports: [TranslatePipe, NzDescriptionsModule],
  template: `
    @if (sections().length) {
      <section class="app-panel" data-testid="application-decisions">
        <h2 class="app-panel__title">{{ 'decision.title' | translate }}</h2>
        @for (section of sections(); track section.key) {
          <nz-descriptions
            class="app-block app-stack-on-phone"
            nzBordered
            nzSize="small"
            [attr.data-testid]="'decision-' + section.key"
            [nzTitle]="section.titleKey | translate"
            [nzColumn]="{ xxl: 2, xl: 2, lg: 2, md: 1, sm: 1, xs: 1 }"
          >
            @for (row of section.rows; track row.labelKey) {
              <nz-descriptions-item [nzTitle]="row.labelKey | translate">
                {{ row.value }}
              </nz-descriptions-item>
            }
          </nz-descriptions>
        }
      </section>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DecisionCard {
  private readonly translate = inject(TranslateService);
  private readonly languages = inject(LanguageService);

  readonly decision = input.required<ApplicationDecision>();

  protected readonly sections = computed((): DecisionSection[] => {
    const decision = this.decision();
    const language = this.languages.language();
    return DECISION_SECTIONS.flatMap((section) => {
      const recorded: unknown = decision[section.key];
      if (!isRecord(recorded)) return [];
      const rows = Object.entries(section.fields).flatMap(([key, kind]) => {
        const value = recorded[key];
        if (value === null || value === undefined || value === '') return [];
        return [
          {
            labelKey: `decision.${section.key}.${key}`,
            value: this.format(value, kind, language),
          },
        ];
      });
      return rows.length
        ? [
            {
              key: section.key,
              titleKey: `decision.${section.key}.title`,
              rows,
            },
          ]
        : [];
    });
  });

  private format(value: unknown, kind: ValueKind, language: string): string {
    const number = typeof value === 'number' ? value : Number.NaN;
    switch (kind) {
      case 'yuan':
        return Number.isFinite(number)
          ? String(
              this.translate.instant('decision.yuan', {
                amount: number.toLocaleString(language, {
                  maximumFractionDigits: 2,
                }),
              }),
            )
          : String(value);
      case 'percent':
        return Number.isFinite(number) ? `${number} %` : String(value);
      case 'months':
        return Number.isFinite(number)
          ? String(this.translate.instant('decision.months', { count: number }))
          : String(value);
      case 'date':
        // Dates are recorded as YYYY-MM-DD; a timestamp shows its date part.
        return String(value).slice(0, 10);
      case 'text':
        return String(value);
    }
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { FieldSchema, FormSchema, Labels } from '@portal/domain';
import { LabelPipe, LanguageService } from '@portal/web-i18n';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';

interface FieldRow {
  readonly key: string;
  readonly label: Labels;
  /** null when the field was left empty. */
  readonly value: string | null;
}

interface SectionRows {
  readonly key: string;
  readonly label: Labels;
  readonly rows: readonly FieldRow[];
}

/**
 * The application form as a document to read, grouped as its schema groups it: what the enterprise
 * sees once it can no longer change the form (under review, granted, ended), and what staff read.
 */
@Component({
  selector: 'app-application-form-view',
  imports: [TranslatePipe, LabelPipe, NzDescriptionsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="app-form-view" data-testid="application-form-view">
      @for (section of sections(); track section.key) {
        <nz-descriptions
          class="app-block app-stack-on-phone"
          nzBordered
          nzSize="small"
          [attr.data-section]="section.key"
          [nzTitle]="titled() ? (section.label | appLabel) : ''"
          [nzColumn]="1"
        >
          @for (row of section.rows; track row.key) {
            <nz-descriptions-item [nzTitle]="row.label | appLabel">
              @if (row.value === null) {
                <span class="app-muted" data-testid="form-value-empty">{{
                  'application.notFilled' | translate
                }}</span>
              } @else {
                <span
                  class="app-form-value"
                  data-testid="form-value"
                  [attr.data-field]="row.key"
                  >{{ row.value }}</span
                >
              }
            </nz-descriptions-item>
          }
        </nz-descriptions>
      }
    </div>
  `,
  styles: `
    .app-form-value {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
  `,
})
export class ApplicationFormView {
  private readonly translate = inject(TranslateService);
  private readonly languages = inject(LanguageService);

  readonly schema = input.required<FormSchema>();
  readonly data = input.required<Readonly<Record<string, unknown>>>();
  /** Each group under its name; off where the page names the group itself (the wizard's review). */
  readonly titled = input(true);

  protected readonly sections = computed((): SectionRows[] => {
    const data = this.data();
    const language = this.languages.language();
    return this.schema().sections.map((section) => ({
      key: section.key,
      label: section.label,
      rows: section.fields.map((field) => ({
        key: field.key,
        label: field.label,
        value: formatFieldValue(
          field,
          data[field.key],
          language,
          this.translate,
        ),
      })),
    }));
  });
}

/** A field's value as a reader reads it (a select's label, a yes or no); null when left empty. */
export function formatFieldValue(
  field: FieldSchema,
  value: unknown,
  language: 'zh-CN' | 'en',
  translate: TranslateService,
): string | null {
  if (value === null || value === undefined || value === '') return null;
  switch (field.type) {
    case 'boolean':
      return String(
        translate.instant(value ? 'application.yes' : 'application.no'),
      );
    case 'select': {
      const option = field.options?.find((o) => o.value === value);
      return option ? option.label[language] : String(value);
    }
    // The label names the unit (元, %, months): the number stands alone.
    case 'money':
    case 'integer':
    case 'decimal':
      return typeof value === 'number'
        ? value.toLocaleString(language, { maximumFractionDigits: 2 })
        : String(value);
    case 'date':
    case 'text':
    case 'textarea':
      return String(value);
  }
}

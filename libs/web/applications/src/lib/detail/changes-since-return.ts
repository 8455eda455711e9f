import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { ChangesSinceReturnView } from '@portal/contracts';
import type { FormSchema, Labels } from '@portal/domain';
import {
  DateTimePipe,
  LabelPipe,
  LanguageService,
  useFeatureTranslations,
} from '@portal/web-i18n';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { formatFieldValue } from './application-form-view';
import { CASE_REVIEW_TRANSLATIONS } from './case-review.translations';

interface FieldChangeRow {
  readonly key: string;
  readonly label: Labels | null;
  /** null where the field was (or is now) empty. */
  readonly before: string | null;
  readonly after: string | null;
}

interface MaterialChangeRow {
  readonly materialKey: string;
  readonly label: Labels | null;
  readonly fileName: string;
  readonly change: 'added' | 'removed';
}

/**
 * For a case the enterprise resubmitted after a return: what it changed since, each field with its
 * value then and now, each file added or removed (a replaced file is both). Staff only: the API
 * gives the enterprise no such comparison.
 */
@Component({
  selector: 'app-changes-since-return',
  imports: [TranslatePipe, LabelPipe, DateTimePipe, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="app-panel" data-testid="changes-since-return">
      <h2 class="app-panel__title">
        {{ 'caseReview.changesTitle' | translate }}
      </h2>
      <p class="app-muted">
        {{
          'caseReview.changesSince'
            | translate: { at: (changes().returnedAt | appDateTime) }
        }}
      </p>
      @if (!fields().length && !files().length) {
        <p data-testid="changes-none">
          {{ 'caseReview.noChanges' | translate }}
        </p>
      }
      @if (fields().length) {
        <h3 class="changes__heading">
          {{ 'caseReview.changedFields' | translate }}
        </h3>
        <ul class="changes__list">
          @for (row of fields(); track row.key) {
            <li data-testid="changed-field" [attr.data-field]="row.key">
              <div class="changes__label">
                {{ row.label ? (row.label | appLabel) : row.key }}
              </div>
              <div class="changes__values">
                <span class="changes__before" data-testid="changed-before">
                  <span class="app-visually-hidden">{{
                    'caseReview.before' | translate
                  }}</span>
                  {{ row.before ?? ('application.notFilled' | translate) }}
                </span>
                <span aria-hidden="true" class="changes__arrow">→</span>
                <span class="changes__after" data-testid="changed-after">
                  <span class="app-visually-hidden">{{
                    'caseReview.after' | translate
                  }}</span>
                  {{ row.after ?? ('application.notFilled' | translate) }}
                </span>
              </div>
            </li>
          }
        </ul>
      }
      @if (files().length) {
        <h3 class="changes__heading">
          {{ 'caseReview.changedMaterials' | translate }}
        </h3>
        <ul class="changes__list">
          @for (row of files(); track $index) {
            <li
              data-testid="changed-material"
              [attr.data-material]="row.materialKey"
              [attr.data-change]="row.change"
            >
              <nz-tag [nzColor]="row.change === 'added' ? 'success' : 'error'">
                {{ 'caseReview.' + row.change | translate }}
              </nz-tag>
              <span class="changes__label">{{
                row.label ? (row.label | appLabel) : row.materialKey
              }}</span>
              <span
                class="changes__file"
                [class.changes__before]="row.change === 'removed'"
                >{{ row.fileName }}</span
              >
            </li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    .changes__heading {
      margin: 12px 0 4px;
      font-size: 14px;
      font-weight: 600;
    }
    .changes__list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .changes__list li {
      padding: 6px 0;
      border-bottom: 1px solid #f0f0f0;
      overflow-wrap: anywhere;
    }
    .changes__label {
      font-weight: 500;
      margin-right: 8px;
    }
    .changes__values {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      align-items: baseline;
      white-space: pre-wrap;
    }
    .changes__before {
      color: #8c8c8c;
      text-decoration: line-through;
    }
    .changes__after {
      color: #135200;
    }
    .app-visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  `,
})
export class ChangesSinceReturn {
  private readonly translate = inject(TranslateService);
  private readonly languages = inject(LanguageService);

  constructor() {
    useFeatureTranslations(CASE_REVIEW_TRANSLATIONS);
  }

  readonly changes = input.required<ChangesSinceReturnView>();
  readonly schema = input.required<FormSchema>();

  protected readonly fields = computed((): FieldChangeRow[] => {
    const language = this.languages.language();
    const fields = this.schema().sections.flatMap((s) => s.fields);
    return this.changes().fields.map((change) => {
      const field = fields.find((f) => f.key === change.key);
      const format = (value: unknown) =>
        field
          ? formatFieldValue(field, value, language, this.translate)
          : value === null || value === undefined || value === ''
            ? null
            : typeof value === 'object'
              ? JSON.stringify(value)
              : String(value);
      return {
        key: change.key,
        label: field?.label ?? null,
        before: format(change.before),
        after: format(change.after),
      };
    });
  });

  protected readonly files = computed((): MaterialChangeRow[] =>
    this.changes().materials.map((m) => ({
      ...m,
      label:
        this.schema().materials.find((d) => d.key === m.materialKey)?.label ??
        null,
    })),
  );
}

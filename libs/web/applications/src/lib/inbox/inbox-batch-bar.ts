import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import type { BatchActionResult, InboxItem } from '@portal/contracts';
import type { Party } from '@portal/domain';
import { InboxApi } from '@portal/web-data-access';
import {
  ErrorTranslator,
  LabelPipe,
  type ApiProblem,
  toApiProblem,
} from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { newIdempotencyKey } from '../shared/idempotency-key';
import { commonBatchActions } from './batch-actions';

/** One case's line in the batch's answer. */
interface OutcomeLine {
  readonly applicationId: string;
  readonly reference: string;
  readonly ok: boolean;
  readonly text: string;
}

/**
 * The selected cases' common actions, one comment (and for a return, the same items) for all,
 * a confirmation, then each case's own answer: a case that moved on or failed a check is named
 * with its reason while the others go through.
 */
@Component({
  selector: 'app-inbox-batch-bar',
  imports: [
    FormsModule,
    TranslatePipe,
    LabelPipe,
    ErrorAlert,
    NzButtonModule,
    NzInputModule,
    NzSelectModule,
    NzTagModule,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .batch {
      margin: 12px 0;
      padding: 12px 16px;
      border: 1px solid #91caff;
      border-radius: 8px;
      background: #f0f7ff;
    }
    .batch__row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
    }
    .batch__field {
      display: block;
      margin-top: 8px;
    }
    .batch__action {
      min-width: 200px;
    }
    .batch__outcomes {
      margin: 8px 0 0;
      padding: 0;
      list-style: none;
    }
    .batch__outcomes li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      align-items: baseline;
      padding: 2px 0;
    }
  `,
  template: `
    @if (selected().length || outcomes().length) {
      <section
        class="batch"
        data-testid="inbox-batch"
        [attr.aria-label]="'inbox.batch.title' | translate"
      >
        @if (selected().length) {
          <div class="batch__row">
            <strong data-testid="inbox-batch-count">{{
              'inbox.batch.selected' | translate: { count: selected().length }
            }}</strong>
            @if (choices().length) {
              <nz-select
                class="batch__action"
                data-testid="inbox-batch-action"
                [attr.aria-label]="'inbox.batch.action' | translate"
                [nzPlaceHolder]="'inbox.batch.chooseAction' | translate"
                [ngModel]="action()"
                (ngModelChange)="action.set($event)"
              >
                @for (choice of choices(); track choice.action) {
                  <nz-option
                    [nzValue]="choice.action"
                    [nzLabel]="choice.label | appLabel"
                  />
                }
              </nz-select>
            } @else {
              <span class="app-muted" data-testid="inbox-batch-none">{{
                'inbox.batch.noCommon' | translate
              }}</span>
            }
            <button
              nz-button
              type="button"
              data-testid="inbox-batch-clear"
              (click)="cleared.emit()"
            >
              {{ 'inbox.batch.clear' | translate }}
            </button>
          </div>
          @if (chosen(); as choice) {
            <label class="batch__field">
              {{ 'inbox.batch.comment' | translate }}
              @if (choice.commentRequired) {
                <span aria-hidden="true">*</span>
              }
              <textarea
                nz-input
                rows="2"
                maxlength="2000"
                data-testid="inbox-batch-comment"
                [ngModel]="comment()"
                (ngModelChange)="comment.set($event)"
              ></textarea>
            </label>
            @if (choice.itemsRequired) {
              <label class="batch__field">
                {{ 'inbox.batch.items' | translate }}
                <textarea
                  nz-input
                  rows="3"
                  data-testid="inbox-batch-items"
                  [ngModel]="items()"
                  (ngModelChange)="items.set($event)"
                ></textarea>
              </label>
            }
            @if (missing(); as missing) {
              <p
                class="app-muted"
                role="status"
                data-testid="inbox-batch-missing"
              >
                {{ missing | translate }}
              </p>
            }
            <div class="batch__row app-block-top">
              @if (confirming()) {
                <span role="alert" data-testid="inbox-batch-confirm-text">{{
                  'inbox.batch.confirm'
                    | translate
                      : {
                          count: selected().length,
                          action: choice.label | appLabel,
                        }
                }}</span>
                <button
                  nz-button
                  nzType="primary"
                  type="button"
                  data-testid="inbox-batch-confirm"
                  [nzLoading]="running()"
                  (click)="run()"
                >
                  {{ 'inbox.batch.run' | translate }}
                </button>
                <button
                  nz-button
                  type="button"
                  [disabled]="running()"
                  (click)="confirming.set(false)"
                >
                  {{ 'common.cancel' | translate }}
                </button>
              } @else {
                <button
                  nz-button
                  nzType="primary"
                  type="button"
                  data-testid="inbox-batch-submit"
                  [disabled]="!!missing()"
                  (click)="confirming.set(true)"
                >
                  {{ 'inbox.batch.submit' | translate }}
                </button>
              }
            </div>
          }
        }
        <app-error-alert [problem]="problem()" />
        @if (outcomes().length) {
          <div role="status" data-testid="inbox-batch-result">
            <strong>{{
              'inbox.batch.result'
                | translate
                  : { ok: succeeded(), failed: outcomes().length - succeeded() }
            }}</strong>
            <ul class="batch__outcomes">
              @for (line of outcomes(); track line.applicationId) {
                <li
                  data-testid="inbox-batch-outcome"
                  [attr.data-ok]="line.ok"
                  [attr.data-application-id]="line.applicationId"
                >
                  <nz-tag [nzColor]="line.ok ? 'success' : 'error'">{{
                    (line.ok ? 'inbox.batch.ok' : 'inbox.batch.failed')
                      | translate
                  }}</nz-tag>
                  <span class="app-mono">{{ line.reference }}</span>
                  <span>{{ line.text }}</span>
                </li>
              }
            </ul>
            <button
              nz-button
              nzType="link"
              type="button"
              data-testid="inbox-batch-dismiss"
              (click)="outcomes.set([])"
            >
              {{ 'common.close' | translate }}
            </button>
          </div>
        }
      </section>
    }
  `,
})
export class InboxBatchBar {
  private readonly api = inject(InboxApi);
  private readonly errors = inject(ErrorTranslator);

  readonly selected = input.required<readonly InboxItem[]>();
  readonly parties = input.required<readonly Party[]>();
  /** The batch ran (some cases may have failed): the list and counts are stale. */
  readonly finished = output<BatchActionResult>();
  readonly cleared = output<void>();

  protected readonly choices = computed(() =>
    commonBatchActions(this.selected(), this.parties()),
  );
  protected readonly action = signal<string | null>(null);
  protected readonly comment = signal('');
  protected readonly items = signal('');
  protected readonly confirming = signal(false);
  protected readonly running = signal(false);
  protected readonly problem = signal<ApiProblem | null>(null);
  protected readonly outcomes = signal<readonly OutcomeLine[]>([]);
  protected readonly succeeded = computed(
    () => this.outcomes().filter((o) => o.ok).length,
  );
  protected readonly chosen = computed(
    () => this.choices().find((c) => c.action === this.action()) ?? null,
  );
  private readonly itemNotes = computed(() =>
    this.items()
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
  );
  /** What still stops the batch: a required comment or, for a return, its items. */
  protected readonly missing = computed(() => {
    const choice = this.chosen();
    if (!choice) return null;
    if (choice.commentRequired && !this.comment().trim())
      return 'inbox.batch.commentRequired';
    if (choice.itemsRequired && this.itemNotes().length === 0)
      return 'inbox.batch.itemsRequired';
    return null;
  });

  constructor() {
    // A new selection may not allow the chosen action; ask again before running.
    effect(() => {
      const choices = this.choices();
      this.confirming.set(false);
      if (!choices.some((c) => c.action === this.action()))
        this.action.set(null);
    });
  }

  protected run(): void {
    const choice = this.chosen();
    if (!choice || this.missing()) return;
    const cases = this.selected();
    const references = new Map(cases.map((c) => [c.id, c.reference]));
    this.running.set(true);
    this.problem.set(null);
    this.api
      .batchAction(
        {
          action: choice.action,
          cases: cases.map((c) => ({
            applicationId: c.id,
            version: c.version,
          })),
          ...(this.comment().trim() ? { comment: this.comment().trim() } : {}),
          ...(choice.itemsRequired
            ? {
                items: this.itemNotes().map((note) => ({
                  target: 'other',
                  note,
                })),
              }
            : {}),
        },
        newIdempotencyKey(),
      )
      .subscribe({
        next: (result) => {
          this.running.set(false);
          this.confirming.set(false);
          this.outcomes.set(
            result.outcomes.map((o) => ({
              applicationId: o.applicationId,
              reference: references.get(o.applicationId) ?? o.applicationId,
              ok: o.ok,
              text: o.ok
                ? ''
                : this.errors.message({
                    status: o.error.statusCode,
                    code: o.error.code,
                    message: o.error.message,
                    correlationId: null,
                    fields: o.error.fields ?? [],
                  }),
            })),
          );
          this.comment.set('');
          this.items.set('');
          this.action.set(null);
          this.finished.emit(result);
        },
        error: (error: unknown) => {
          this.running.set(false);
          this.problem.set(toApiProblem(error));
        },
      });
  }
}

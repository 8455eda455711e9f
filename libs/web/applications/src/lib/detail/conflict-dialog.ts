import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
} from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { type FormSchema, type Labels, formFields } from '@portal/domain';
import { LabelPipe, LanguageService } from '@portal/web-i18n';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { formatFieldValue } from './application-form-view';

/** The other version of the form: what the server holds now. */
export interface ServerVersion {
  readonly version: number;
  readonly form: Readonly<Record<string, unknown>>;
  readonly updatedAt: string;
}

interface DiffRow {
  readonly key: string;
  readonly label: Labels;
  readonly mine: string | null;
  readonly theirs: string | null;
  readonly differs: boolean;
}

/**
 * Someone saved a newer version while the user typed: both versions side by side, field by field
 * with the differences marked, and the user chooses which to keep.
 */
@Component({
  selector: 'app-conflict-dialog',
  imports: [TranslatePipe, LabelPipe, NzButtonModule, NzModalModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal
      nzWidth="min(880px, 96vw)"
      [nzVisible]="server() !== null"
      [nzTitle]="'wizard.conflict.title' | translate"
      [nzClosable]="false"
      [nzMaskClosable]="false"
      [nzKeyboard]="false"
      [nzFooter]="footer"
    >
      <ng-container *nzModalContent>
        @if (server()) {
          <div data-testid="conflict-dialog">
            <p>{{ 'wizard.conflict.intro' | translate }}</p>
            <p class="app-muted" data-testid="conflict-count">
              {{ 'wizard.conflict.count' | translate: { count: differing() } }}
            </p>
            <div class="conflict__scroll">
              <table class="conflict__table">
                <thead>
                  <tr>
                    <th scope="col">
                      {{ 'wizard.conflict.field' | translate }}
                    </th>
                    <th scope="col">
                      {{ 'wizard.conflict.mine' | translate }}
                    </th>
                    <th scope="col">
                      {{
                        'wizard.conflict.theirs'
                          | translate: { version: server()?.version }
                      }}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  @for (row of rows(); track row.key) {
                    <tr
                      data-testid="conflict-row"
                      [attr.data-field]="row.key"
                      [attr.data-differs]="row.differs"
                      [class.conflict__differs]="row.differs"
                    >
                      <th scope="row">
                        {{ row.label | appLabel }}
                        @if (row.differs) {
                          <span class="conflict__mark">{{
                            'wizard.conflict.differs' | translate
                          }}</span>
                        }
                      </th>
                      <td
                        data-testid="conflict-mine"
                        [attr.data-label]="'wizard.conflict.mine' | translate"
                      >
                        {{ row.mine ?? ('application.notFilled' | translate) }}
                      </td>
                      <td
                        data-testid="conflict-theirs"
                        [attr.data-label]="
                          'wizard.conflict.theirs'
                            | translate: { version: server()?.version }
                        "
                      >
                        {{
                          row.theirs ?? ('application.notFilled' | translate)
                        }}
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          </div>
        }
      </ng-container>
      <ng-template #footer>
        <button
          nz-button
          type="button"
          data-testid="conflict-take-theirs"
          (click)="takeTheirs.emit()"
        >
          {{ 'wizard.conflict.takeTheirs' | translate }}
        </button>
        <button
          nz-button
          nzType="primary"
          type="button"
          data-testid="conflict-keep-mine"
          (click)="keepMine.emit()"
        >
          {{ 'wizard.conflict.keepMine' | translate }}
        </button>
      </ng-template>
    </nz-modal>
  `,
  styles: `
    .conflict__scroll {
      overflow-x: auto;
    }
    .conflict__table {
      width: 100%;
      border-collapse: collapse;
    }
    .conflict__table th,
    .conflict__table td {
      padding: 6px 8px;
      border-bottom: 1px solid #f0f0f0;
      text-align: left;
      vertical-align: top;
      overflow-wrap: anywhere;
      white-space: pre-wrap;
    }
    .conflict__table thead th {
      background: #fafafa;
    }
    .conflict__table tbody th {
      font-weight: normal;
      width: 30%;
    }
    tr.conflict__differs td {
      background: #fff7e6;
    }
    tr.conflict__differs th {
      font-weight: 600;
    }
    /* On a phone each field is a card: its name, then both versions, each under its label. */
    @media (max-width: 600px) {
      .conflict__table thead {
        display: none;
      }
      .conflict__table tr,
      .conflict__table th,
      .conflict__table td {
        display: block;
        width: auto;
      }
      .conflict__table tr {
        border-bottom: 1px solid #f0f0f0;
      }
      .conflict__table tbody th,
      .conflict__table td {
        width: auto;
        border-bottom: 0;
      }
      .conflict__table td::before {
        content: attr(data-label);
        display: block;
        color: rgba(0, 0, 0, 0.45);
        font-size: 12px;
      }
    }
    .conflict__mark {
      display: block;
      color: #d46b08;
      font-size: 12px;
    }
  `,
})
export class ConflictDialog {
  private readonly translate = inject(TranslateService);
  private readonly languages = inject(LanguageService);

  readonly schema = input.required<FormSchema>();
  /** The user's unsaved input. */
  readonly mine = input.required<Readonly<Record<string, unknown>>>();
  /** What the server holds; null: no conflict, the dialog is closed. */
  readonly server = input<ServerVersion | null>(null);

  /** Save the user's input over the newer version. */
  readonly keepMine = output<void>();
  /** Drop the user's input and load the server's. */
  readonly takeTheirs = output<void>();

  protected readonly rows = computed((): DiffRow[] => {
    const server = this.server();
    if (!server) return [];
    const mine = this.mine();
    const language = this.languages.language();
    return formFields(this.schema()).map((field) => {
      const a = formatFieldValue(
        field,
        mine[field.key],
        language,
        this.translate,
      );
      const b = formatFieldValue(
        field,
        server.form[field.key],
        language,
        this.translate,
      );
      return {
        key: field.key,
        label: field.label,
        mine: a,
        theirs: b,
        differs: a !== b,
      };
    });
  });
  protected readonly differing = computed(
    () => this.rows().filter((row) => row.differs).length,
  );
}

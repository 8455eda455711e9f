import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type FormControl,
} from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import type { AvailableAction, SupplementItem } from '@portal/contracts';
import type { FieldSchema } from '@portal/domain';
import { ApplicationsApi } from '@portal/web-data-access';
import {
  type ApiProblem,
  ErrorTranslator,
  FieldErrorPipe,
  LabelPipe,
} from '@portal/web-i18n';
import { ErrorAlert, applyServerErrors } from '@portal/web-ui';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import {
  type ApplicationFormGroup,
  type SupplementTarget,
  buildPayloadGroup,
  checkPayload,
  localFieldError,
  payloadKey,
} from '../shared/form-model';
import { type ListedChoice, SchemaField } from '../shared/schema-field';
import { TargetLabelPipe } from '../shared/target-label.pipe';

type PartnerKind = NonNullable<FieldSchema['optionsFrom']>;

/** What the user entered for an action. */
export interface ActionInput {
  readonly comment?: string;
  readonly items?: readonly SupplementItem[];
  /** What the action records: the values of its `payloadFields`. */
  readonly payload?: Readonly<Record<string, unknown>>;
}

type ItemGroup = FormGroup<{
  target: FormControl<string>;
  note: FormControl<string>;
}>;

/** Asks for what an action needs: a comment, and for a return the items to supplement. */
@Component({
  selector: 'app-action-dialog',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzModalModule,
    NzSelectModule,
    ErrorAlert,
    FieldErrorPipe,
    FormKitStyles,
    LabelPipe,
    SchemaField,
    TargetLabelPipe,
  ],
  templateUrl: './action-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActionDialog {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly errors = inject(ErrorTranslator);
  private readonly api = inject(ApplicationsApi);
  private readonly destroyRef = inject(DestroyRef);

  /** The action to confirm; null closes the dialog. */
  readonly action = input<AvailableAction | null>(null);
  readonly targets = input.required<readonly SupplementTarget[]>();
  readonly busy = input(false);
  readonly problem = input<ApiProblem | null>(null);
  readonly confirmed = output<ActionInput>();
  readonly cancelled = output<void>();

  protected readonly form = this.fb.group({
    comment: [''],
    items: this.fb.array<ItemGroup>([]),
  });
  protected readonly itemsInvalid = signal(false);
  /** The controls of the action's payload fields (loan terms, a contract...). */
  protected readonly payloadGroup = signal<ApplicationFormGroup>(
    buildPayloadGroup([]),
  );
  /** Banks and providers for selects with `optionsFrom`, as they arrive. */
  protected readonly partners = signal<
    Partial<Record<PartnerKind, readonly ListedChoice[]>>
  >({});
  /**
   * The API's field problems of a refused action (e.g. a submit with required fields empty);
   * those of payload fields are shown on their controls instead.
   */
  protected readonly fieldProblems = computed(() =>
    (this.problem()?.fields ?? [])
      .filter((field) => payloadKey(field.field) === null)
      .map(localFieldError)
      .map((field) => ({
        field: field.field,
        text: this.errors.field(field),
      })),
  );

  constructor() {
    effect(() => {
      const action = this.action();
      untracked(() => this.reset(action));
    });
    // Once the reviewer was told to list items, the message goes as soon as the list is complete.
    this.items.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => {
        if (this.itemsInvalid() && this.itemsComplete())
          this.itemsInvalid.set(false);
      });
    effect(() => {
      const problem = this.problem();
      if (!problem) return;
      untracked(() =>
        applyServerErrors(this.payloadGroup(), {
          ...problem,
          fields: problem.fields.flatMap((field) => {
            const key = payloadKey(field.field);
            return key ? [{ ...field, field: key }] : [];
          }),
        }),
      );
    });
  }

  protected listed(field: FieldSchema): readonly ListedChoice[] {
    return field.optionsFrom ? (this.partners()[field.optionsFrom] ?? []) : [];
  }

  protected get items() {
    return this.form.controls.items;
  }

  protected addItem(): void {
    this.items.push(this.fb.group({ target: [''], note: [''] }));
  }

  protected removeItem(index: number): void {
    this.items.removeAt(index);
  }

  protected confirm(action: AvailableAction): void {
    const comment = this.form.controls.comment.value.trim();
    let valid = true;
    if (action.commentRequired && !comment) {
      const control = this.form.controls.comment;
      control.markAsDirty();
      control.markAsTouched();
      control.setErrors({ required: true });
      valid = false;
    }
    const items = this.listedItems();
    const itemsOk = !action.itemsRequired || this.itemsComplete();
    this.itemsInvalid.set(!itemsOk);
    const fields = action.payloadFields;
    const payload = fields.length
      ? checkPayload(fields, this.payloadGroup())
      : {};
    if (!valid || !itemsOk || payload === null) return;
    this.confirmed.emit({
      ...(comment ? { comment } : {}),
      ...(action.itemsRequired ? { items } : {}),
      ...(fields.length ? { payload } : {}),
    });
  }

  private listedItems(): SupplementItem[] {
    return this.items.controls.map((group) => ({
      target: group.controls.target.value,
      note: group.controls.note.value.trim(),
    }));
  }

  /** At least one item, each naming a field or material and saying why. */
  private itemsComplete(): boolean {
    const items = this.listedItems();
    return items.length > 0 && items.every((item) => item.target && item.note);
  }

  private reset(action: AvailableAction | null): void {
    this.form.controls.comment.reset('');
    this.items.clear();
    this.itemsInvalid.set(false);
    if (action?.itemsRequired) this.addItem();
    const fields = action?.payloadFields ?? [];
    this.payloadGroup.set(buildPayloadGroup(fields));
    const kinds = new Set(
      fields.flatMap((field) => (field.optionsFrom ? [field.optionsFrom] : [])),
    );
    for (const kind of kinds) this.loadPartners(kind);
  }

  /** Loads a partner list once per page; on failure the select stays empty. */
  private loadPartners(kind: PartnerKind): void {
    if (this.partners()[kind]) return;
    this.api
      .partners(kind)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (partners) =>
          this.partners.update((all) => ({
            ...all,
            [kind]: partners.map((p) => ({ value: p.id, label: p.name })),
          })),
        error: () => undefined,
      });
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import {
  type FormGroup,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type FormControl,
} from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';
import type { AvailableAction, SupplementItem } from '@portal/contracts';
import {
  type ApiProblem,
  ErrorTranslator,
  FieldErrorPipe,
  LabelPipe,
} from '@portal/web-i18n';
import { ErrorAlert } from '@portal/web-ui';
import { FormKitStyles } from '@portal/web-ui/form-kit';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { type SupplementTarget, localFieldError } from '../shared/form-model';
import { TargetLabelPipe } from '../shared/target-label.pipe';

/** What the user entered for an action. */
export interface ActionInput {
  readonly comment?: string;
  readonly items?: readonly SupplementItem[];
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
    TargetLabelPipe,
  ],
  templateUrl: './action-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActionDialog {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly errors = inject(ErrorTranslator);

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
  /** The API's field problems of a refused action (e.g. a submit with required fields empty). */
  protected readonly fieldProblems = computed(() =>
    (this.problem()?.fields ?? []).map(localFieldError).map((field) => ({
      field: field.field,
      text: this.errors.field(field),
    })),
  );

  constructor() {
    effect(() => {
      const action = this.action();
      untracked(() => this.reset(action));
    });
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
    const items = this.items.controls.map((group) => ({
      target: group.controls.target.value,
      note: group.controls.note.value.trim(),
    }));
    const itemsOk =
      !action.itemsRequired ||
      (items.length > 0 && items.every((item) => item.target && item.note));
    this.itemsInvalid.set(!itemsOk);
    if (!valid || !itemsOk) return;
    this.confirmed.emit({
      ...(comment ? { comment } : {}),
      ...(action.itemsRequired ? { items } : {}),
    });
  }

  private reset(action: AvailableAction | null): void {
    this.form.controls.comment.reset('');
    this.items.clear();
    this.itemsInvalid.set(false);
    if (action?.itemsRequired) this.addItem();
  }
}

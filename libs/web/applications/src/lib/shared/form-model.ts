import {
  type AbstractControl,
  FormControl,
  FormGroup,
  type ValidationErrors,
  type ValidatorFn,
} from '@angular/forms';
import {
  type FieldSchema,
  type FileKind,
  type FormSchema,
  type Labels,
  formFields,
  validateForm,
} from '@portal/domain';

export type ApplicationFormGroup = FormGroup<
  Record<string, FormControl<unknown>>
>;

/**
 * The schema's own check of one field as a validator (draft mode: empty is fine until submit).
 * The error key is the schema's problem code, which `fieldError` translates.
 */
function fieldValidator(field: FieldSchema): ValidatorFn {
  const single: FormSchema = {
    version: 0,
    sections: [{ key: field.key, label: field.label, fields: [field] }],
    materials: [],
  };
  return (control: AbstractControl): ValidationErrors | null => {
    const [problem] = validateForm(
      single,
      { [field.key]: control.value },
      'draft',
    );
    return problem ? { [problem.code]: true } : null;
  };
}

/** One control per schema field, filled with the saved data. */
export function buildFormGroup(
  schema: FormSchema,
  data: Readonly<Record<string, unknown>>,
): ApplicationFormGroup {
  const controls: Record<string, FormControl<unknown>> = {};
  for (const field of formFields(schema)) {
    controls[field.key] = new FormControl<unknown>(data[field.key] ?? null, {
      validators: fieldValidator(field),
    });
  }
  return new FormGroup(controls);
}

/** The schema of an action's payload fields, to validate them like a form. */
export function payloadSchema(fields: readonly FieldSchema[]): FormSchema {
  return {
    version: 1,
    sections: [
      { key: 'payload', label: { 'zh-CN': '', en: '' }, fields: [...fields] },
    ],
    materials: [],
  };
}

/** One control per payload field of an action, empty. */
export function buildPayloadGroup(
  fields: readonly FieldSchema[],
): ApplicationFormGroup {
  return buildFormGroup(payloadSchema(fields), {});
}

/**
 * Checks an action's payload in full (required included) and puts each problem on its control;
 * answers the payload to send, or null when something is wrong.
 */
export function checkPayload(
  fields: readonly FieldSchema[],
  group: ApplicationFormGroup,
): Record<string, unknown> | null {
  const payload = formData(group.getRawValue());
  const problems = validateForm(payloadSchema(fields), payload, 'submit');
  for (const problem of problems) {
    const control = group.get(problem.field);
    if (!control) continue;
    control.markAsDirty();
    control.markAsTouched();
    control.setErrors({ [problem.code]: true });
  }
  return problems.length ? null : payload;
}

/** The API names a refused payload field `payload.<key>`: its key, or null for other fields. */
export function payloadKey(field: string): string | null {
  return field.startsWith('payload.') ? field.slice('payload.'.length) : null;
}

/** The form as the API stores it: empty fields left out. */
export function formData(
  value: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).filter(
      ([, v]) => v !== null && v !== undefined && v !== '',
    ),
  );
}

/** What a return for supplement may point at: a form field, a material, or something else. */
export interface SupplementTarget {
  readonly value: string;
  /** null for `other`, which the UI translates. */
  readonly label: Labels | null;
}

export const OTHER_TARGET = 'other';

export function supplementTargets(schema: FormSchema): SupplementTarget[] {
  return [
    ...formFields(schema).map((f) => ({ value: f.key, label: f.label })),
    ...schema.materials.map((m) => ({ value: m.key, label: m.label })),
    { value: OTHER_TARGET, label: null },
  ];
}

/** The label of a target key; unknown keys (an older form version) read as `other`. */
export function targetLabel(
  targets: readonly SupplementTarget[],
  target: string,
): Labels | null {
  return targets.find((t) => t.value === target)?.label ?? null;
}

const EXTENSIONS: Readonly<Record<FileKind, string>> = {
  pdf: '.pdf',
  jpeg: '.jpg,.jpeg',
  png: '.png',
  docx: '.docx',
  xlsx: '.xlsx',
};

/** The file picker's `accept` for a material's allowed kinds. */
export function acceptFor(kinds: readonly FileKind[]): string {
  return kinds.map((kind) => EXTENSIONS[kind]).join(',');
}

/**
 * The API names a refused field by where it lives (`form.termMonths`, `materials.invoice`) and
 * prefixes the schema's codes (`form.required`): back to the keys the form and translations use.
 */
export function localFieldError<T extends { field: string; code: string }>(
  error: T,
): T {
  return {
    ...error,
    field: error.field.replace(/^(form|materials)\./, ''),
    code: error.code.replace(/^form\./, ''),
  };
}

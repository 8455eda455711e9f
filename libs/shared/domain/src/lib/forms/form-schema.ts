import type { Labels } from '../workflow/workflow-definition';

export type FieldType =
  | 'text'
  | 'textarea'
  | 'integer'
  | 'money'
  | 'decimal'
  | 'date'
  | 'select'
  | 'boolean';

export interface FieldSchema {
  readonly key: string;
  readonly type: FieldType;
  readonly label: Labels;
  readonly required: boolean;
  /** integer and money: inclusive bounds (money in whole yuan). */
  readonly min?: number;
  readonly max?: number;
  /** text and textarea. */
  readonly maxLength?: number;
  readonly options?: readonly {
    readonly value: string;
    readonly label: Labels;
  }[];
  /** select: the choices are organisations the API lists (cooperating banks, providers). */
  readonly optionsFrom?: 'banks' | 'providers';
  readonly hint?: Labels;
  /** date: a day that has happened (a founding or registration date), never later than today. */
  readonly notAfterToday?: boolean;
}

export interface FormSection {
  readonly key: string;
  readonly label: Labels;
  readonly fields: readonly FieldSchema[];
}

export const FILE_KINDS = ['pdf', 'jpeg', 'png', 'docx', 'xlsx'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export interface MaterialDefinition {
  readonly key: string;
  readonly label: Labels;
  readonly required: boolean;
  readonly allowed: readonly FileKind[];
  readonly maxSizeMb: number;
  /** When it is needed: with the application (default) or later, e.g. to redeem a voucher. */
  readonly phase?: MaterialPhase;
}

/** When a material is needed: with the application, to redeem a voucher, with a project's mid-term or final report. */
export type MaterialPhase = 'application' | 'redemption' | 'midterm' | 'final';

/** One schema validates on the API and renders the web form. */
export interface FormSchema {
  readonly version: number;
  readonly sections: readonly FormSection[];
  readonly materials: readonly MaterialDefinition[];
}

/** A problem with one field, as the API reports it (`code` is what the web app translates). */
export interface FormProblem {
  readonly field: string;
  readonly code:
    | 'required'
    | 'unknown_field'
    | 'not_text'
    | 'too_long'
    | 'not_integer'
    | 'not_number'
    | 'too_small'
    | 'too_large'
    | 'not_allowed'
    | 'not_date'
    | 'in_future'
    | 'not_boolean';
}

/** The date in China (UTC+8, no daylight saving) of a moment, as YYYY-MM-DD. */
export function chinaDateOf(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function formFields(schema: FormSchema): FieldSchema[] {
  return schema.sections.flatMap((s) => [...s.fields]);
}

/**
 * Checks form data against its schema. `draft` skips the required check, so a half-filled form
 * can be saved; submitting validates in full. `today` (YYYY-MM-DD in China) is what a
 * `notAfterToday` date is compared with: the API passes its portal clock's date.
 */
export function validateForm(
  schema: FormSchema,
  data: Readonly<Record<string, unknown>>,
  mode: 'draft' | 'submit',
  today: string = chinaDateOf(new Date()),
): FormProblem[] {
  const fields = formFields(schema);
  const known = new Set(fields.map((f) => f.key));
  const problems: FormProblem[] = Object.keys(data)
    .filter((key) => !known.has(key))
    .map((field) => ({ field, code: 'unknown_field' as const }));
  for (const field of fields) {
    const value = data[field.key];
    const empty = value === undefined || value === null || value === '';
    if (empty) {
      if (mode === 'submit' && field.required)
        problems.push({ field: field.key, code: 'required' });
      continue;
    }
    const problem = checkValue(field, value, today);
    if (problem) problems.push({ field: field.key, code: problem });
  }
  return problems;
}

function checkValue(
  field: FieldSchema,
  value: unknown,
  today: string,
): FormProblem['code'] | null {
  switch (field.type) {
    case 'text':
    case 'textarea':
      if (typeof value !== 'string') return 'not_text';
      return field.maxLength !== undefined &&
        [...value].length > field.maxLength
        ? 'too_long'
        : null;
    case 'integer':
    case 'money':
      if (typeof value !== 'number' || !Number.isInteger(value))
        return 'not_integer';
      if (field.min !== undefined && value < field.min) return 'too_small';
      return field.max !== undefined && value > field.max ? 'too_large' : null;
    case 'decimal':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return 'not_number';
      if (field.min !== undefined && value < field.min) return 'too_small';
      return field.max !== undefined && value > field.max ? 'too_large' : null;
    case 'date':
      if (
        typeof value !== 'string' ||
        !/^\d{4}-\d\d-\d\d$/.test(value) ||
        Number.isNaN(Date.parse(value))
      )
        return 'not_date';
      return field.notAfterToday && value > today ? 'in_future' : null;
    case 'select':
      if (field.optionsFrom)
        return typeof value === 'string' &&
          value.length > 0 &&
          value.length <= 36
          ? null
          : 'not_allowed';
      return typeof value === 'string' &&
        (field.options ?? []).some((o) => o.value === value)
        ? null
        : 'not_allowed';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'not_boolean';
  }
}

/** Required materials of a phase that have no upload yet. */
export function missingMaterials(
  schema: FormSchema,
  uploadedKeys: readonly string[],
  phase: MaterialPhase = 'application',
): MaterialDefinition[] {
  return schema.materials.filter(
    (m) =>
      m.required &&
      (m.phase ?? 'application') === phase &&
      !uploadedKeys.includes(m.key),
  );
}

/** Whether a file of this kind and size may be uploaded as this material. */
export function materialAccepts(
  material: MaterialDefinition,
  kind: FileKind,
  sizeBytes: number,
): 'ok' | 'type' | 'size' {
  if (!material.allowed.includes(kind)) return 'type';
  return sizeBytes > material.maxSizeMb * 1024 * 1024 ? 'size' : 'ok';
}

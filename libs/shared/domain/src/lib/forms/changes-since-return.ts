/**
 * What the enterprise changed between a return for supplement and its resubmission: the form
 * and the materials as they were when the case was returned (recorded in the return's event)
 * against the case as it is now.
 */

/** The case as a return found it: its form and the files then attached. */
export interface ReturnSnapshot {
  readonly form: Readonly<Record<string, unknown>>;
  readonly materials: readonly SnapshotMaterial[];
}

export interface SnapshotMaterial {
  /** The attachment's id: a file replaced under the same material is another id. */
  readonly id: string;
  readonly materialKey: string;
  readonly fileName: string;
}

export interface FieldChange {
  readonly key: string;
  /** Absent (undefined) where the field was empty or not there. */
  readonly before: unknown;
  readonly after: unknown;
}

export interface MaterialChange {
  readonly materialKey: string;
  readonly fileName: string;
  readonly change: 'added' | 'removed';
}

export interface ChangesSinceReturn {
  readonly fields: readonly FieldChange[];
  readonly materials: readonly MaterialChange[];
}

/**
 * Field by field (in the order the current form has them, then the ones dropped) and file by
 * file: a replaced file is its old one removed and its new one added under the same material.
 */
export function changesSinceReturn(
  snapshot: ReturnSnapshot,
  form: Readonly<Record<string, unknown>>,
  materials: readonly SnapshotMaterial[],
): ChangesSinceReturn {
  const keys = [
    ...new Set([...Object.keys(form), ...Object.keys(snapshot.form)]),
  ];
  const fields = keys
    .filter((key) => canonical(snapshot.form[key]) !== canonical(form[key]))
    .map((key) => ({
      key,
      before: snapshot.form[key],
      after: form[key],
    }));
  const then = new Set(snapshot.materials.map((m) => m.id));
  const now = new Set(materials.map((m) => m.id));
  const change = (m: SnapshotMaterial, kind: MaterialChange['change']) => ({
    materialKey: m.materialKey,
    fileName: m.fileName,
    change: kind,
  });
  return {
    fields,
    materials: [
      ...snapshot.materials
        .filter((m) => !now.has(m.id))
        .map((m) => change(m, 'removed')),
      ...materials
        .filter((m) => !then.has(m.id))
        .map((m) => change(m, 'added')),
    ],
  };
}

/** One text per value: object keys sorted, an empty text, list or null the same as absent. */
function canonical(value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value))
    return value.length ? `[${value.map(canonical).join(',')}]` : '';
  if (typeof value === 'object')
    return `{${Object.keys(value as object)
      .sort()
      .map(
        (k) =>
          `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`,
      )
      .join(',')}}`;
  return JSON.stringify(value);
}

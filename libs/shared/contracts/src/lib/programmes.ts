import type {
  ApplicationType,
  Capability,
  FormSchema,
  Labels,
} from '@portal/domain';

/** A JSON Schema (the OpenAPI 3.0 dialect) of a programme's form, as integrators validate against. */
export type FormJsonSchema = Readonly<Record<string, unknown>>;

/** A programme as the API publishes it: what to file, with which materials, under which rules. */
export interface ProgrammeView {
  readonly type: ApplicationType;
  readonly label: Labels;
  readonly policy: string;
  /** The workflow version new drafts are filed under. */
  readonly workflowVersion: number;
  readonly referencePrefix: string;
  readonly capabilities: readonly Capability[];
  /** The form's sections and fields and the materials checklist, as the web app draws them. */
  readonly form: FormSchema;
  /** The same form as JSON Schema: a draft may leave out anything, a submission needs `required`. */
  readonly formJsonSchema: FormJsonSchema;
}

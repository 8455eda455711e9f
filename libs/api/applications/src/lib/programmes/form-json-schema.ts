import {
  APPLICATION_FORMS,
  APPLICATION_TYPES,
  type ApplicationType,
  type FieldSchema,
  type FormSchema,
} from '@portal/domain';

type JsonSchema = Record<string, unknown>;

const describe = (field: FieldSchema): string =>
  [
    `${field.label['zh-CN']} / ${field.label.en}`,
    field.hint ? `${field.hint['zh-CN']} / ${field.hint.en}` : null,
  ]
    .filter(Boolean)
    .join('. ');

/** One field as JSON Schema (OpenAPI 3.0's dialect): what validateForm accepts for it. */
function fieldSchema(field: FieldSchema): JsonSchema {
  const bounds = {
    ...(field.min !== undefined ? { minimum: field.min } : {}),
    ...(field.max !== undefined ? { maximum: field.max } : {}),
  };
  const base = { description: describe(field), nullable: true };
  switch (field.type) {
    case 'text':
    case 'textarea':
      return {
        ...base,
        type: 'string',
        ...(field.maxLength !== undefined
          ? { maxLength: field.maxLength }
          : {}),
      };
    case 'integer':
      return { ...base, type: 'integer', ...bounds };
    case 'money':
      return { ...base, type: 'integer', ...bounds, 'x-unit': 'CNY (yuan)' };
    case 'decimal':
      return { ...base, type: 'number', ...bounds };
    case 'date':
      return { ...base, type: 'string', format: 'date' };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'select':
      return field.optionsFrom
        ? {
            ...base,
            type: 'string',
            format: 'uuid',
            description: `${base.description}. An id from GET /api/partners/${field.optionsFrom}`,
          }
        : {
            ...base,
            type: 'string',
            enum: (field.options ?? []).map((o) => o.value),
          };
  }
}

/**
 * A programme's form as JSON Schema: every field it knows and nothing else. For `submit`,
 * `required` lists what a submission needs; a `draft` (the autosave) may leave any field out.
 */
export function formJsonSchema(
  schema: FormSchema,
  mode: 'draft' | 'submit',
): JsonSchema {
  const fields = schema.sections.flatMap((s) => s.fields);
  const required = fields.filter((f) => f.required).map((f) => f.key);
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(fields.map((f) => [f.key, fieldSchema(f)])),
    ...(mode === 'submit'
      ? { required }
      : { 'x-required-to-submit': required }),
  };
}

/** The OpenAPI component name of a programme's form. */
export const formComponentName = (type: ApplicationType): string =>
  `Form_${type}`;

/** Every programme's form (as an autosave may send it), for the OpenAPI document's components. */
export function programmeFormComponents(): Record<string, JsonSchema> {
  return Object.fromEntries(
    APPLICATION_TYPES.map((type) => [
      formComponentName(type),
      {
        ...formJsonSchema(APPLICATION_FORMS[type], 'draft'),
        title: `The ${type} form`,
      },
    ]),
  );
}

/** What a request's `form` may be: the form of the application's programme. */
export const ANY_PROGRAMME_FORM = {
  oneOf: APPLICATION_TYPES.map((type) => ({
    $ref: `#/components/schemas/${formComponentName(type)}`,
  })),
  description:
    "The form of the application's programme (GET /api/programmes/{type} lists its fields and materials). An autosave may leave fields out; submitting needs every required one.",
};

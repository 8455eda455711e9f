import { FORMS } from '@portal/api-testing';
import {
  ApiRoutes,
  type ErrorBody,
  type ProgrammeView,
} from '@portal/contracts';
import { APPLICATION_FORMS, APPLICATION_TYPES } from '@portal/domain';
import Ajv from 'ajv';
import { startTestApp, type TestApp } from '../testing/test-app';

interface OpenApiDocument {
  components: { schemas: Record<string, Record<string, unknown>> };
  paths: Record<string, Record<string, { requestBody?: RequestBody }>>;
}
interface RequestBody {
  content: Record<string, { schema: Record<string, unknown> }>;
}

/** What an integrator builds on: each programme's form and checklist, typed, and in OpenAPI. */
describe('the programmes as published to integrators', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
  });
  afterAll(() => t.close());

  const ajv = new Ajv({ strict: false, allErrors: true });

  it('lists every programme with its form, materials checklist and a JSON Schema a real filing passes', async () => {
    const res = await t.client().get<ProgrammeView[]>(ApiRoutes.programmes);
    expect(res.status).toBe(200);
    expect(res.body.map((p) => p.type)).toEqual([...APPLICATION_TYPES]);
    for (const programme of res.body) {
      expect(programme.form).toEqual(
        JSON.parse(JSON.stringify(APPLICATION_FORMS[programme.type])),
      );
      expect(programme.form.materials.length).toBeGreaterThan(0);
      const validate = ajv.compile(programme.formJsonSchema);
      // The filing the test suites submit passes; a field the form does not know fails.
      expect(validate(FORMS[programme.type])).toBe(true);
      expect(validate({ ...FORMS[programme.type], surprise: 1 })).toBe(false);
      const [firstRequired] = programme.formJsonSchema['required'] as string[];
      if (firstRequired) {
        const missing = { ...FORMS[programme.type] };
        delete missing[firstRequired];
        expect(validate(missing)).toBe(false);
      }
    }
    const one = await t
      .client()
      .get<ProgrammeView>(ApiRoutes.programme('innovation_voucher'));
    expect(one.body.referencePrefix).toBe('CXQ');
    expect(one.body.capabilities).toContain('voucher_ledger');
    const unknown = await t
      .client()
      .get<ErrorBody>(ApiRoutes.programme('lottery'));
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields?.[0]?.field).toBe('type');
  });

  it('describes each form and the multipart upload in the OpenAPI document', async () => {
    const doc = (await t.client().get<OpenApiDocument>('/api/docs-json')).body;
    for (const type of APPLICATION_TYPES) {
      const schema = doc.components.schemas[`Form_${type}`];
      expect(Object.keys(schema?.['properties'] as object).sort()).toEqual(
        APPLICATION_FORMS[type].sections
          .flatMap((s) => s.fields.map((f) => f.key))
          .sort(),
      );
    }
    const save = doc.paths['/api/applications/{id}/form']?.['patch']
      ?.requestBody as RequestBody;
    expect(JSON.stringify(save)).toContain('#/components/schemas/SaveFormDto');
    const form = (
      doc.components.schemas['SaveFormDto']?.['properties'] as Record<
        string,
        { oneOf: { $ref: string }[] }
      >
    )['form'];
    expect(form?.oneOf.map((o) => o.$ref)).toEqual(
      APPLICATION_TYPES.map((type) => `#/components/schemas/Form_${type}`),
    );

    const upload = doc.paths['/api/applications/{id}/materials']?.['post']
      ?.requestBody as RequestBody;
    const multipart = upload.content['multipart/form-data']?.schema;
    expect(multipart).toMatchObject({
      required: ['materialKey', 'file'],
      properties: { file: { type: 'string', format: 'binary' } },
    });
  });
});

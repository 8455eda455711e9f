import { APPLICATION_TYPES } from '../workflow/workflow-definition';
import { APPLICATION_FORMS } from '../programmes/registry';
import { LOAN_LIMITS } from '../programmes/transformation-loan/form';
import {
  chinaDateOf,
  formFields,
  materialAccepts,
  missingMaterials,
  validateForm,
} from './form-schema';

describe('application forms', () => {
  it.each(APPLICATION_TYPES)(
    '%s: unique field and material keys, labels in both languages, a licence required',
    (type) => {
      const schema = APPLICATION_FORMS[type];
      const keys = formFields(schema).map((f) => f.key);
      expect(new Set(keys).size).toBe(keys.length);
      const materialKeys = schema.materials.map((m) => m.key);
      expect(new Set(materialKeys).size).toBe(materialKeys.length);
      for (const item of [...formFields(schema), ...schema.materials]) {
        expect(item.label['zh-CN']).not.toBe('');
        expect(item.label.en).not.toBe('');
      }
      expect(missingMaterials(schema, []).map((m) => m.key)).toContain(
        'business_licence',
      );
    },
  );

  it('lets a draft be half empty but requires every required field on submit', () => {
    const schema = APPLICATION_FORMS.transformation_loan;
    expect(validateForm(schema, { amountYuan: 5_000_000 }, 'draft')).toEqual(
      [],
    );
    expect(
      validateForm(schema, { amountYuan: 5_000_000 }, 'submit').map(
        (p) => p.field,
      ),
    ).toEqual(['termMonths', 'purpose', 'achievement']);
  });

  it('names every bad value with a stable code', () => {
    const schema = APPLICATION_FORMS.transformation_loan;
    expect(
      validateForm(
        schema,
        {
          amountYuan: LOAN_LIMITS.maxYuan + 1,
          termMonths: 1.5,
          purpose: 42,
          admin: true,
        },
        'draft',
      ),
    ).toEqual([
      { field: 'admin', code: 'unknown_field' },
      { field: 'amountYuan', code: 'too_large' },
      { field: 'termMonths', code: 'not_integer' },
      { field: 'purpose', code: 'not_text' },
    ]);
    expect(
      validateForm(
        APPLICATION_FORMS.high_tech,
        { field: 'astrology', mainProducts: 'x'.repeat(2001) },
        'draft',
      ),
    ).toEqual([
      { field: 'field', code: 'not_allowed' },
      { field: 'mainProducts', code: 'too_long' },
    ]);
    expect(
      validateForm(
        APPLICATION_FORMS.high_tech,
        { majorIncidentLastYear: 'no' },
        'draft',
      ),
    ).toEqual([{ field: 'majorIncidentLastYear', code: 'not_boolean' }]);
  });

  it('refuses a founding date after the given today, and takes today itself', () => {
    const check = (registeredOn: string) =>
      validateForm(
        APPLICATION_FORMS.high_tech,
        { registeredOn },
        'draft',
        '2026-06-01',
      );
    expect(check('2026-06-02')).toEqual([
      { field: 'registeredOn', code: 'in_future' },
    ]);
    expect(check('2026-06-01')).toEqual([]);
    expect(check('2026-13-01')).toEqual([
      { field: 'registeredOn', code: 'not_date' },
    ]);
    expect(chinaDateOf(new Date('2026-06-01T16:30:00Z'))).toBe('2026-06-02');
  });

  it('checks a material upload by kind and size', () => {
    const audit = APPLICATION_FORMS.high_tech.materials.find(
      (m) => m.key === 'special_audit_report',
    );
    expect(audit && materialAccepts(audit, 'pdf', 1024)).toBe('ok');
    expect(audit && materialAccepts(audit, 'docx', 1024)).toBe('type');
    expect(audit && materialAccepts(audit, 'pdf', 21 * 1024 * 1024)).toBe(
      'size',
    );
  });

  it('lists the required materials still missing', () => {
    const schema = APPLICATION_FORMS.innovation_voucher;
    expect(missingMaterials(schema, ['business_licence'])).toEqual([]);
  });
});

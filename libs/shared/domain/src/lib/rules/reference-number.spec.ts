import { APPLICATION_TYPES } from '../workflow/workflow-definition';
import {
  formatReference,
  parseReference,
  REFERENCE_PREFIXES,
} from './reference-number';

describe('reference numbers', () => {
  it('writes type, year, region and a five-digit sequence', () => {
    expect(formatReference('high_tech', 2026, '330421', 18)).toBe(
      'GX-2026-330421-00018',
    );
    expect(formatReference('innovation_voucher', 2026, '370102', 1)).toBe(
      'CXQ-2026-370102-00001',
    );
    expect(formatReference('transformation_loan', 2027, '371302', 99_999)).toBe(
      'ZHD-2027-371302-99999',
    );
  });

  it('grows the sequence past five digits rather than wrapping', () => {
    expect(formatReference('high_tech', 2026, '330421', 100_000)).toBe(
      'GX-2026-330421-100000',
    );
  });

  it('has a distinct prefix for every application type', () => {
    const prefixes = APPLICATION_TYPES.map((t) => REFERENCE_PREFIXES[t]);
    expect(new Set(prefixes).size).toBe(APPLICATION_TYPES.length);
  });

  it('reads back what it writes', () => {
    for (const type of APPLICATION_TYPES) {
      for (const sequence of [1, 18, 99_999, 100_000, 1_234_567]) {
        const reference = { type, year: 2026, regionCode: '330421', sequence };
        const text = formatReference(type, 2026, '330421', sequence);
        expect(parseReference(text)).toEqual(reference);
      }
    }
  });

  it('refuses to write a reference from bad parts', () => {
    expect(() => formatReference('high_tech', 26, '330421', 1)).toThrow(
      RangeError,
    );
    expect(() => formatReference('high_tech', 2026.5, '330421', 1)).toThrow(
      RangeError,
    );
    expect(() => formatReference('high_tech', 2026, '33042', 1)).toThrow(
      RangeError,
    );
    expect(() => formatReference('high_tech', 2026, '330421', 0)).toThrow(
      RangeError,
    );
    expect(() => formatReference('high_tech', 2026, '330421', 1.5)).toThrow(
      RangeError,
    );
  });

  it.each([
    ['an unknown prefix', 'XX-2026-330421-00018'],
    ['a lower-case prefix', 'gx-2026-330421-00018'],
    ['a two-digit year', 'GX-26-330421-00018'],
    ['a year with a leading zero', 'GX-0999-330421-00018'],
    ['a four-digit region', 'GX-2026-3304-00018'],
    ['a region that is no region code', 'GX-2026-030421-00018'],
    ['a short sequence', 'GX-2026-330421-0018'],
    ['a padded long sequence', 'GX-2026-330421-000018'],
    ['a zero sequence', 'GX-2026-330421-00000'],
    ['surrounding spaces', ' GX-2026-330421-00018 '],
    ['another separator', 'GX_2026_330421_00018'],
    ['a trailing part', 'GX-2026-330421-00018-1'],
    ['an empty string', ''],
  ])('rejects %s', (_, text) => {
    expect(parseReference(text)).toBeNull();
  });
});

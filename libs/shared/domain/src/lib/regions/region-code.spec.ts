import {
  isRegionCode,
  regionContains,
  regionLevel,
  regionPath,
} from './region-code';

describe('region codes (GB/T 2260)', () => {
  it('tells the level from the code', () => {
    expect([
      regionLevel('330000'),
      regionLevel('330400'),
      regionLevel('330421'),
    ]).toEqual(['province', 'city', 'county']);
  });

  it('splits a county into the three codes an enterprise row keeps', () => {
    expect(regionPath('330421')).toEqual({
      provinceCode: '330000',
      cityCode: '330400',
      countyCode: '330421',
    });
    expect(regionPath('330400')).toEqual({
      provinceCode: '330000',
      cityCode: '330400',
      countyCode: null,
    });
  });

  it('knows which regions contain which', () => {
    expect(regionContains('330000', '330421')).toBe(true);
    expect(regionContains('330400', '330421')).toBe(true);
    expect(regionContains('330421', '330421')).toBe(true);
    expect(regionContains('330424', '330421')).toBe(false);
    expect(regionContains('330500', '330421')).toBe(false);
  });

  it('accepts only six digits starting 1-8', () => {
    expect(['330421', '110101'].every(isRegionCode)).toBe(true);
    expect(['33042', '3304211', '030421', 'abcdef'].some(isRegionCode)).toBe(
      false,
    );
  });
});

import { fromYuan, toYuan } from './figures-form';

describe('figures form money', () => {
  it('converts 万元 to whole yuan exactly and back', () => {
    expect(toYuan('1234.5678', 'wan')).toBe(12_345_678);
    expect(toYuan('１,２00', 'wan')).toBe(12_000_000);
    expect(toYuan('1.23456', 'wan')).toBeNull();
    expect(toYuan('12.5', 'yuan')).toBeNull();
    expect(fromYuan(12_345_678, 'wan')).toBe('1234.5678');
    expect(fromYuan(50_000_000, 'wan')).toBe('5000');
  });
});

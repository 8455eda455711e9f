import { nestsDeeperThan } from './json-depth';

describe('nestsDeeperThan', () => {
  const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

  it('counts arrays and objects, and stops at the first level past the limit', () => {
    expect(nestsDeeperThan(nested(32), 32)).toBe(false);
    expect(nestsDeeperThan(nested(33), 32)).toBe(true);
    expect(nestsDeeperThan('{"a":{"b":[{"c":1}]}}', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":{"b":[{"c":1}]}}', 4)).toBe(false);
    expect(nestsDeeperThan(nested(3000), 32)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({
      note: '[[[[{{{{ "quoted \\" [[[[' + '['.repeat(100),
    });
    expect(nestsDeeperThan(text, 2)).toBe(false);
    expect(nestsDeeperThan('["\\\\", [[]]]', 2)).toBe(true);
  });

  it('measures siblings separately: depth, not count', () => {
    expect(nestsDeeperThan(`[${Array(500).fill('[1]').join(',')}]`, 2)).toBe(
      false,
    );
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  AUDIT_ACTION_LABELS,
  isAuditAction,
  PERMISSIONS,
} from '@portal/domain';

const API_LIBS = join(__dirname, '..', '..', '..', '..', 'libs', 'api');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'migrations') return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The text of each `audit.record(…)` call (up to its closing parenthesis). */
function recordCalls(source: string): string[] {
  const calls: string[] = [];
  let from = source.indexOf('audit.record(');
  while (from >= 0) {
    let depth = 0;
    let end = from + 'audit.record'.length;
    for (; end < source.length; end++) {
      if (source[end] === '(') depth++;
      else if (source[end] === ')' && --depth === 0) break;
    }
    calls.push(source.slice(from, end));
    from = source.indexOf('audit.record(', end);
  }
  return calls;
}

describe('audit action labels', () => {
  const recorded = new Set<string>();
  for (const file of sourceFiles(API_LIBS)) {
    const source = readFileSync(file, 'utf8');
    // A permission named in the detail (permission: 'queues.dashboard') is not an action.
    for (const call of recordCalls(source))
      for (const [, code] of call.matchAll(/'([a-z_]+\.[a-z_]+)'/g))
        if (!(PERMISSIONS as readonly string[]).includes(code as string))
          recorded.add(code as string);
    // Actions handed to a helper that records them: an `action: '…'` field anywhere (the
    // invitation's issue()), or startSession(user, context, 'auth.login').
    for (const [, code] of source.matchAll(/\baction: '([a-z_]+\.[a-z_]+)'/g))
      recorded.add(code as string);
    for (const [, code] of source.matchAll(
      /startSession\([^)]*'([a-z_]+\.[a-z_]+)'\)/g,
    ))
      recorded.add(code as string);
  }

  it('finds the codes the API records (the scan itself works)', () => {
    expect(recorded.has('auth.login')).toBe(true);
    expect(recorded.has('company.verified')).toBe(true);
    expect(recorded.has('staff.invited')).toBe(true);
    expect(recorded.size).toBeGreaterThan(25);
  });

  it('has words in both languages for every action code the API records', () => {
    expect([...recorded].filter((code) => !isAuditAction(code)).sort()).toEqual(
      [],
    );
    for (const label of Object.values(AUDIT_ACTION_LABELS)) {
      expect(label['zh-CN'].trim()).not.toBe('');
      expect(label.en.trim()).not.toBe('');
    }
  });
});

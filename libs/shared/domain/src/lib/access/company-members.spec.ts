import { memberChangeProblem } from './company-members';

describe("changes to a company's members", () => {
  const admin = { userId: 'a', role: 'enterprise_admin' as const };
  const member = { userId: 'm', role: 'enterprise_member' as const };

  it('keeps the last administrator, whoever asks', () => {
    expect(memberChangeProblem([admin, member], 'a', { kind: 'remove' })).toBe(
      'last_admin',
    );
    expect(
      memberChangeProblem([admin, member], 'a', {
        kind: 'role',
        role: 'enterprise_member',
      }),
    ).toBe('last_admin');
    expect(
      memberChangeProblem([admin], 'a', {
        kind: 'role',
        role: 'enterprise_admin',
      }),
    ).toBeNull();
  });

  it('lets members go and administrators step down while another stays', () => {
    expect(
      memberChangeProblem([admin, member], 'm', { kind: 'remove' }),
    ).toBeNull();
    const second = { userId: 'b', role: 'enterprise_admin' as const };
    expect(
      memberChangeProblem([admin, second], 'a', { kind: 'remove' }),
    ).toBeNull();
    expect(memberChangeProblem([admin], 'x', { kind: 'remove' })).toBe(
      'not_member',
    );
  });
});

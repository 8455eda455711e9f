import { awaitingCommit, COMMIT_GRACE_MS } from './enqueued-before-commit';

describe('a job enqueued before its transaction committed', () => {
  it('is retried while the commit may still be on its way', () => {
    expect(() =>
      awaitingCommit({ timestamp: Date.now() - 500 }, 'The invitation'),
    ).toThrow(/The invitation is not committed yet; retried/);
  });

  it('is skipped once the grace has passed: the transaction rolled back', () => {
    expect(
      awaitingCommit(
        { timestamp: Date.now() - COMMIT_GRACE_MS - 1 },
        'The invitation',
      ),
    ).toBe('skipped');
  });
});

import {
  clientHoldMs,
  LOCKOUT_DURATION_MS,
  LOCKOUT_FIRST_HOLD_MS,
} from './account-policy';

describe('lockout per address and client', () => {
  it('holds nobody before the 5th failure, then doubles the hold up to 30 minutes', () => {
    expect([1, 2, 3, 4].map(clientHoldMs)).toEqual([0, 0, 0, 0]);
    expect(clientHoldMs(5)).toBe(LOCKOUT_FIRST_HOLD_MS);
    expect(clientHoldMs(6)).toBe(2 * LOCKOUT_FIRST_HOLD_MS);
    expect(clientHoldMs(7)).toBe(4 * LOCKOUT_FIRST_HOLD_MS);
    expect(clientHoldMs(8)).toBe(LOCKOUT_DURATION_MS);
    expect(clientHoldMs(40)).toBe(LOCKOUT_DURATION_MS);
  });
});

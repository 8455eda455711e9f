import { PortalClock } from './portal-clock';

describe('PortalClock', () => {
  it('reads real time plus the offset, which only moves forward', () => {
    const clock = new PortalClock(true);
    expect(Math.abs(clock.nowMs() - Date.now())).toBeLessThan(50);
    expect(clock.adopt(86_400_000)).toBe(true);
    expect(clock.now().getTime() - Date.now()).toBeGreaterThan(86_400_000 - 50);
    expect(clock.adopt(1000)).toBe(false);
    expect(clock.adopt(Number.NaN)).toBe(false);
    expect(clock.offsetMs).toBe(86_400_000);
  });

  it('never moves when the development clock is off (production)', () => {
    const clock = new PortalClock(false);
    expect(clock.adopt(86_400_000)).toBe(false);
    expect(clock.offsetMs).toBe(0);
  });
});

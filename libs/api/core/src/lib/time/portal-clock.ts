/**
 * The portal's business "now": real time plus an offset that only a development clock moves
 * (DEV_CLOCK, refused in production). Everything that decides by the calendar of a case reads
 * it — stage due times, a notice's or a validity's end, dates on certificates, the calls' clock,
 * the figures' current year, the inbox's overdue filter. Security stays on real time and never
 * reads it: sessions, rate limits, lockouts, TOTP windows, reset and invitation tokens, the
 * audit log's timestamps.
 *
 * Reading it is a memory read: the offset is kept here, in-process. Processes share it through
 * Redis (`PortalClockSync` in api-jobs): loaded at start, pushed by pub/sub when moved, and
 * re-read every few seconds in case a message was missed. So a transition or an inbox page
 * costs no Redis round trip for the time.
 */
export class PortalClock {
  private offset = 0;

  /** `movable` is the configuration's devClock: when false the offset stays 0 whatever Redis holds. */
  constructor(readonly movable = false) {}

  /** The portal's now. */
  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return Date.now() + this.offset;
  }

  /** How far the portal's time is ahead of real time, in ms (0 unless a development clock moved it). */
  get offsetMs(): number {
    return this.offset;
  }

  /**
   * Takes an offset read from the shared store. Only forward, and only on a movable clock;
   * returns whether it changed.
   */
  adopt(offsetMs: number): boolean {
    if (!this.movable || !Number.isFinite(offsetMs) || offsetMs <= this.offset)
      return false;
    this.offset = Math.floor(offsetMs);
    return true;
  }
}

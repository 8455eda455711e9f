/**
 * Ids waiting for one UPDATE that marks them all: written when `max` wait or `everyMs` after the
 * first arrived, so that concurrent requests and jobs share a statement instead of one each.
 */
export class PendingMarks {
  private readonly ids: string[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly max: number,
    private readonly everyMs: number,
    /** Writes the marks; never throws (a failure is the caller's to log). */
    private readonly write: (ids: string[]) => Promise<void>,
  ) {}

  add(ids: readonly string[]): void {
    if (!ids.length) return;
    this.ids.push(...ids);
    if (this.ids.length >= this.max) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.everyMs);
  }

  /** Writes what waits now (also before shutdown). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const ids = this.ids.splice(0);
    if (ids.length) await this.write(ids);
  }
}

import { PendingMarks } from './pending-marks';

describe('PendingMarks', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function recorder() {
    const writes: string[][] = [];
    return {
      writes,
      write: async (ids: string[]) => {
        writes.push(ids);
      },
    };
  }

  it('writes the ids that arrive within the window in one call, once the window ends', async () => {
    const { writes, write } = recorder();
    const marks = new PendingMarks(100, 10, write);
    marks.add(['a']);
    marks.add(['b', 'c']);
    await jest.advanceTimersByTimeAsync(9);
    expect(writes).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(writes).toEqual([['a', 'b', 'c']]);
    marks.add(['d']);
    await jest.advanceTimersByTimeAsync(10);
    expect(writes).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('writes at once when the batch is full, and nothing twice', async () => {
    const { writes, write } = recorder();
    const marks = new PendingMarks(3, 10, write);
    marks.add(['a', 'b']);
    marks.add(['c']);
    await Promise.resolve();
    expect(writes).toEqual([['a', 'b', 'c']]);
    await jest.advanceTimersByTimeAsync(50);
    expect(writes).toEqual([['a', 'b', 'c']]);
  });

  it('flush writes what waits without waiting for the window; with nothing waiting, nothing', async () => {
    const { writes, write } = recorder();
    const marks = new PendingMarks(100, 10_000, write);
    marks.add([]);
    await marks.flush();
    expect(writes).toEqual([]);
    marks.add(['a']);
    await marks.flush();
    expect(writes).toEqual([['a']]);
    await jest.advanceTimersByTimeAsync(20_000);
    expect(writes).toEqual([['a']]);
  });
});

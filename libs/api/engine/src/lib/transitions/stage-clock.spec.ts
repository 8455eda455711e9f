import type { ApplicationEntity } from '@portal/api-db';
import { HIGH_TECH_WORKFLOW } from '@portal/domain';
import { stageClock } from './stage-clock';

function at(
  state: string,
  fields: Partial<ApplicationEntity> = {},
): ApplicationEntity {
  return {
    state,
    dueAt: null,
    pausedState: null,
    pausedDaysLeft: null,
    ...fields,
  } as ApplicationEntity;
}

describe('the stage clock', () => {
  it('counts 20 working days across the 2026 National Day holiday and its adjusted Saturday', () => {
    // Arrives on Tuesday 29 September (10:00 in Beijing); 1–7 October are off, Saturday 10 October is worked.
    const clock = stageClock(
      HIGH_TECH_WORKFLOW,
      at('submitted'),
      'county_review',
      new Date('2026-09-29T02:00:00Z'),
    );
    expect(clock.dueAt?.toISOString()).toBe('2026-11-02T15:59:59.999Z');
    // 80% of the limit: the 16th working day, at 09:00 in Beijing.
    expect(clock.remindAt?.toISOString()).toBe('2026-10-27T01:00:00.000Z');
  });

  it('pauses while the enterprise holds the case and gives the stage its days back on return', () => {
    const returned = stageClock(
      HIGH_TECH_WORKFLOW,
      at('county_review', { dueAt: new Date('2026-11-02T15:59:59.999Z') }),
      'returned_by_county',
      new Date('2026-10-13T02:00:00Z'),
    );
    expect(returned).toMatchObject({
      dueAt: null,
      pausedState: 'county_review',
      pausedDaysLeft: 14,
    });
    const back = stageClock(
      HIGH_TECH_WORKFLOW,
      at('returned_by_county', {
        pausedState: 'county_review',
        pausedDaysLeft: 14,
      }),
      'county_review',
      new Date('2026-10-20T02:00:00Z'),
    );
    expect(back.dueAt?.toISOString()).toBe('2026-11-09T15:59:59.999Z');
    expect(back.pausedState).toBeNull();
  });

  it('starts a fresh limit at the next stage, and none at an ending', () => {
    const next = stageClock(
      HIGH_TECH_WORKFLOW,
      at('county_review', {
        pausedState: 'county_review',
        pausedDaysLeft: 3,
      }),
      'city_review',
      new Date('2026-11-02T02:00:00Z'),
    );
    expect(next.dueAt?.toISOString()).toBe('2026-11-30T15:59:59.999Z');
    const ended = stageClock(
      HIGH_TECH_WORKFLOW,
      at('city_review'),
      'rejected',
      new Date('2026-11-02T02:00:00Z'),
    );
    expect(ended).toEqual({
      dueAt: null,
      pausedState: null,
      pausedDaysLeft: null,
      remindAt: null,
    });
  });
});

describe("the stage clock with the administrator's corrections", () => {
  it('skips a day declared a holiday and counts a Sunday declared a working day', () => {
    const start = new Date('2026-11-02T02:00:00Z');
    const plain = stageClock(
      HIGH_TECH_WORKFLOW,
      at('city_review'),
      'provincial_review',
      start,
    );
    expect(plain.dueAt?.toISOString()).toBe('2026-11-30T15:59:59.999Z');
    const closed = stageClock(
      HIGH_TECH_WORKFLOW,
      at('city_review'),
      'provincial_review',
      start,
      {
        holidays: ['2026-11-30'],
        workdays: [],
      },
    );
    expect(closed.dueAt?.toISOString()).toBe('2026-12-01T15:59:59.999Z');
    const worked = stageClock(
      HIGH_TECH_WORKFLOW,
      at('city_review'),
      'provincial_review',
      start,
      {
        holidays: [],
        workdays: ['2026-11-29'],
      },
    );
    expect(worked.dueAt?.toISOString()).toBe('2026-11-29T15:59:59.999Z');
  });
});

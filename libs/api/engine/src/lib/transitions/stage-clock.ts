import { chinaDate, chinaMorning, endOfChinaDay } from '@portal/api-core';
import type { ApplicationEntity } from '@portal/api-db';
import { stateOf, type WorkflowDefinition } from '@portal/domain';
import {
  addWorkingDays,
  NO_OVERRIDES,
  workingDaysBetween,
  type CalendarOverrides,
} from '@portal/domain/calendar';

export interface StageClock {
  readonly dueAt: Date | null;
  readonly pausedState: string | null;
  readonly pausedDaysLeft: number | null;
  /** When holders are reminded (80% of the limit) and the case escalates (100%). */
  readonly remindAt: Date | null;
}

const REMIND_AT_SHARE = 0.8;

/**
 * The clock of the state a case moves to. Limits count working days from the day after arrival.
 * When a review stage hands the case to the enterprise, its clock pauses with the days left;
 * when the case comes back to that stage, it gets those days, not a fresh limit.
 */
export function stageClock(
  definition: WorkflowDefinition,
  application: ApplicationEntity,
  to: string,
  now: Date,
  overrides: CalendarOverrides = NO_OVERRIDES,
): StageClock {
  const from = stateOf(definition, application.state);
  const target = stateOf(definition, to);
  const today = chinaDate(now);
  let pausedState = application.pausedState;
  let pausedDaysLeft = application.pausedDaysLeft;
  if (
    target.holder === 'enterprise' &&
    !target.terminal &&
    !target.milestone &&
    from.holder !== 'enterprise' &&
    from.holder !== 'system' &&
    application.dueAt
  ) {
    pausedState = application.state;
    pausedDaysLeft = workingDaysBetween(
      today,
      chinaDate(application.dueAt),
      overrides,
    );
  }
  let days = target.terminal ? null : target.timeLimitDays;
  if (days !== null && pausedState === to && pausedDaysLeft !== null) {
    days = pausedDaysLeft;
    pausedState = null;
    pausedDaysLeft = null;
  }
  if (target.terminal) {
    pausedState = null;
    pausedDaysLeft = null;
  }
  if (days === null)
    return { dueAt: null, pausedState, pausedDaysLeft, remindAt: null };
  return {
    dueAt: endOfChinaDay(addWorkingDays(today, days, overrides)),
    pausedState,
    pausedDaysLeft,
    remindAt: chinaMorning(
      addWorkingDays(
        today,
        Math.max(0, Math.floor(days * REMIND_AT_SHARE)),
        overrides,
      ),
    ),
  };
}

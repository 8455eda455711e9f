/** At or under this many working days left, a time limit is shown as near (amber). */
export const DEADLINE_NEAR_WORKING_DAYS = 2;

export type DeadlineUrgency = 'overdue' | 'near' | 'ok';

/** How a time limit is shown: red once passed, amber when near, plain otherwise. */
export function deadlineUrgency(workingDaysLeft: number): DeadlineUrgency {
  if (workingDaysLeft < 0) return 'overdue';
  return workingDaysLeft <= DEADLINE_NEAR_WORKING_DAYS ? 'near' : 'ok';
}

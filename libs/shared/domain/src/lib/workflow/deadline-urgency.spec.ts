import {
  DEADLINE_NEAR_WORKING_DAYS,
  deadlineUrgency,
} from './deadline-urgency';

describe('deadlineUrgency', () => {
  it('is overdue once the due date has passed', () => {
    expect(deadlineUrgency(-1)).toBe('overdue');
  });

  it('is near on the due day and the working days just before it', () => {
    expect(deadlineUrgency(0)).toBe('near');
    expect(deadlineUrgency(DEADLINE_NEAR_WORKING_DAYS)).toBe('near');
  });

  it('is plain with more time left', () => {
    expect(deadlineUrgency(DEADLINE_NEAR_WORKING_DAYS + 1)).toBe('ok');
  });
});

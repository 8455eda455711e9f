/**
 * China's working-day calendar: a separate entry point, so the holiday data ships only where it
 * is imported (the API's timers), not in every bundle that reads the domain rules.
 */
export * from './lib/calendar/working-days';
export * from './lib/calendar/published-days';

/** Helpers for the web libraries' component tests (not part of the app bundle). */
export * from './lib/testing/dom';

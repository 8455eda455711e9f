import type { ComponentFixture } from '@angular/core/testing';

/** Small DOM helpers for page tests: find by data-testid, type, click. */
export function byTestId<T extends Element = HTMLElement>(
  fixture: ComponentFixture<unknown>,
  testId: string,
): T {
  const element = (fixture.nativeElement as HTMLElement).querySelector<T>(
    `[data-testid="${testId}"]`,
  );
  if (!element) throw new Error(`No element with data-testid="${testId}"`);
  return element;
}

export function typeInto(
  fixture: ComponentFixture<unknown>,
  testId: string,
  value: string,
): void {
  const input = byTestId<HTMLInputElement>(fixture, testId);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
}

export function click(
  fixture: ComponentFixture<unknown>,
  testId: string,
): void {
  byTestId(fixture, testId).click();
}

/** The text of the form item around a field: its label, control and error message. */
export function fieldText(
  fixture: ComponentFixture<unknown>,
  testId: string,
): string {
  return byTestId(fixture, testId).closest('.ant-form-item')?.textContent ?? '';
}

import { FormControl, FormGroup, Validators } from '@angular/forms';
import type { ApiProblem } from '@portal/web-i18n';
import { applyServerErrors, revealErrors } from './server-errors';

function form() {
  return new FormGroup({
    email: new FormControl('a@example.com', { nonNullable: true }),
    password: new FormControl('x', {
      nonNullable: true,
      validators: Validators.required,
    }),
  });
}

const problem = (overrides: Partial<ApiProblem>): ApiProblem => ({
  status: 400,
  code: 'VALIDATION_FAILED',
  message: 'failed',
  correlationId: 'c',
  fields: [],
  ...overrides,
});

describe('applyServerErrors', () => {
  it('puts each server field error on its control until the user edits it', () => {
    const f = form();
    const applied = applyServerErrors(
      f,
      problem({
        fields: [
          { field: 'password', code: 'password.common', message: 'common' },
        ],
      }),
    );
    expect(applied).toBe(true);
    expect(f.controls.password.errors).toEqual({
      server: { code: 'password.common', message: 'common' },
    });
    expect(f.controls.password.dirty).toBe(true);

    f.controls.password.setValue('something else');
    expect(f.controls.password.errors).toBeNull();
  });

  it('maps a conflict code to its field when the body names none', () => {
    const f = form();
    const applied = applyServerErrors(
      f,
      problem({ status: 409, code: 'EMAIL_TAKEN' }),
      {
        EMAIL_TAKEN: { field: 'email', code: 'email.taken' },
      },
    );
    expect(applied).toBe(true);
    expect(f.controls.email.errors).toEqual({
      server: { code: 'email.taken', message: 'failed' },
    });
  });

  it('marks the control before its status changes, so ng-zorro shows the message at once', () => {
    const f = form();
    const dirtyWhenNotified: boolean[] = [];
    f.controls.email.statusChanges.subscribe(() =>
      dirtyWhenNotified.push(f.controls.email.dirty),
    );
    applyServerErrors(
      f,
      problem({
        fields: [{ field: 'email', code: 'email.taken', message: '' }],
      }),
    );
    expect(dirtyWhenNotified).toEqual([true]);
  });

  it('ignores fields the form does not have', () => {
    const f = form();
    expect(
      applyServerErrors(
        f,
        problem({ fields: [{ field: 'nope', code: 'required', message: '' }] }),
      ),
    ).toBe(false);
  });
});

describe('revealErrors', () => {
  it('marks every control so its error shows', () => {
    const f = form();
    f.controls.password.setValue('');
    revealErrors(f);
    expect(f.controls.password.dirty).toBe(true);
    expect(f.controls.password.touched).toBe(true);
    expect(f.controls.password.errors).toEqual({ required: true });
  });
});

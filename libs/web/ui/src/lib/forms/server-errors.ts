import type {
  AbstractControl,
  FormGroup,
  ValidationErrors,
} from '@angular/forms';
import type { ApiProblem, FieldProblem, ProblemCode } from '@portal/web-i18n';

/** A problem code that belongs to one field, e.g. 409 EMAIL_TAKEN → the e-mail field. */
export type CodeFieldMap = Partial<
  Record<ProblemCode, { readonly field: string } & FieldProblem>
>;

function show(control: AbstractControl, problem: FieldProblem): void {
  // Dirty first: ng-zorro decides whether to show the error when the status change arrives.
  control.markAsDirty();
  control.markAsTouched();
  control.setErrors({
    server: { code: problem.code, message: problem.message },
  });
}

/**
 * Puts the server's field errors on the form's controls (field names = request keys). The
 * error disappears as soon as the user edits the field. Answers whether any field took one.
 */
export function applyServerErrors(
  form: FormGroup,
  problem: ApiProblem,
  codeFields: CodeFieldMap = {},
): boolean {
  let applied = false;
  for (const field of problem.fields) {
    const control = form.get(field.field);
    if (control) {
      show(control, field);
      applied = true;
    }
  }
  const byCode = codeFields[problem.code];
  if (!applied && byCode) {
    const control = form.get(byCode.field);
    if (control) {
      show(control, {
        code: byCode.code,
        message: byCode.message ?? problem.message,
      });
      applied = true;
    }
  }
  return applied;
}

/** Shows every control's errors (ng-zorro shows them for dirty or touched controls). */
export function revealErrors(form: FormGroup): void {
  for (const control of Object.values(form.controls)) {
    control.markAsDirty();
    control.markAsTouched();
    control.updateValueAndValidity({ onlySelf: true });
  }
}

/**
 * The errors a field shows now, by nz-form-control's rule (once it is dirty or touched), for a
 * field laid out with ng-zorro's form classes but without its form components.
 */
export function shownErrors(control: AbstractControl): ValidationErrors | null {
  return control.invalid && (control.dirty || control.touched)
    ? control.errors
    : null;
}

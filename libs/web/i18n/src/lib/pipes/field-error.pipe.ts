import { Pipe, type PipeTransform, inject } from '@angular/core';
import type { ValidationErrors } from '@angular/forms';
import { ErrorTranslator } from '../errors/error-translator';

/** `control.errors | fieldError`: the translated first error of a form control. */
@Pipe({ name: 'fieldError', pure: false })
export class FieldErrorPipe implements PipeTransform {
  private readonly errors = inject(ErrorTranslator);

  transform(errors: ValidationErrors | null | undefined): string {
    return this.errors.controlErrors(errors);
  }
}

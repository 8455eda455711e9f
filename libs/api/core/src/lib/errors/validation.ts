import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { FieldError } from '@portal/contracts';
import { ValidationFailedError } from './app-error';

/** class-validator constraint names → the stable field codes the web app translates. */
const CONSTRAINT_CODES: Record<string, string> = {
  whitelistValidation: 'unknown_field',
  isNotEmpty: 'required',
  isDefined: 'required',
  isEmail: 'email.invalid',
  maxLength: 'too_long',
  minLength: 'too_short',
  isIn: 'not_allowed',
  isEnum: 'not_allowed',
  isString: 'not_text',
  isInt: 'not_integer',
  min: 'too_small',
  max: 'too_large',
  matches: 'format',
};

export function toFieldErrors(
  errors: readonly ValidationError[],
  prefix = '',
): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    // One message per field: the first failed constraint is the one to fix first.
    const [name, message] = Object.entries(constraints)[0] ?? [];
    if (name && message) {
      // Domain validators say which rule failed as "[code] message".
      const coded = /^\[([a-z_.]+)\] (.*)$/s.exec(message);
      out.push({
        field,
        code: coded?.[1] ?? CONSTRAINT_CODES[name] ?? name,
        message:
          name === 'whitelistValidation'
            ? `${field} is not an accepted field`
            : (coded?.[2] ?? message),
      });
    }
    if (error.children?.length)
      out.push(...toFieldErrors(error.children, field));
  }
  return out;
}

/** The global pipe: unknown fields are refused, types are transformed, errors are one shape. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) =>
      new ValidationFailedError(toFieldErrors(errors)),
  });
}

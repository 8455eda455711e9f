import { Injectable, inject } from '@angular/core';
import type { ValidationErrors } from '@angular/forms';
import { TranslateService } from '@ngx-translate/core';
import { formatDateTime } from '../language/language';
import { LanguageService } from '../language/language.service';
import type { ApiProblem } from './api-problem';
import {
  type FieldProblem,
  type TranslationLookup,
  fieldProblemText,
  firstFieldProblem,
  problemText,
} from './error-text';

/**
 * Turns API problems and form-control errors into sentences in the current language. Reading
 * the language signal makes `computed()`s built on it follow the header's language switch.
 */
@Injectable({ providedIn: 'root' })
export class ErrorTranslator {
  private readonly translate = inject(TranslateService);
  private readonly languages = inject(LanguageService);

  private readonly lookup: TranslationLookup = (key, params) => {
    const text: unknown = this.translate.instant(key, params);
    return typeof text === 'string' && text !== key ? text : null;
  };

  message(problem: ApiProblem): string {
    const language = this.languages.language();
    return problemText(problem, this.lookup, (date) =>
      formatDateTime(date, language),
    );
  }

  field(problem: FieldProblem): string {
    this.languages.language();
    return fieldProblemText(problem, this.lookup);
  }

  /** The sentence for a control's first error, '' when it has none. */
  controlErrors(errors: ValidationErrors | null | undefined): string {
    const problem = firstFieldProblem(errors);
    return problem ? this.field(problem) : '';
  }
}

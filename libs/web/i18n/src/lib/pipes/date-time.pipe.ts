import { Pipe, type PipeTransform, inject } from '@angular/core';
import { formatDateTime } from '../language/language';
import { LanguageService } from '../language/language.service';

/** `iso | appDateTime`: a date and time in the current UI language. */
@Pipe({ name: 'appDateTime', pure: false })
export class DateTimePipe implements PipeTransform {
  private readonly languages = inject(LanguageService);
  private last: { value: unknown; language: string; text: string } | null =
    null;

  transform(value: string | Date | null | undefined): string {
    const language = this.languages.language();
    if (
      this.last &&
      this.last.value === value &&
      this.last.language === language
    ) {
      return this.last.text;
    }
    const text = formatDateTime(value, language);
    this.last = { value, language, text };
    return text;
  }
}

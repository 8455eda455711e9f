import { Pipe, type PipeTransform, inject } from '@angular/core';
import type { Labels } from '@portal/domain';
import { LanguageService } from '../language/language.service';

/** `labels | appLabel`: the wording of a shared `{ 'zh-CN', en }` label in the UI language. */
@Pipe({ name: 'appLabel', pure: false })
export class LabelPipe implements PipeTransform {
  private readonly languages = inject(LanguageService);

  transform(labels: Labels | null | undefined): string {
    return labels ? labels[this.languages.language()] : '';
  }
}

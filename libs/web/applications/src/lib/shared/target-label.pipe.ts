import { Pipe, type PipeTransform, inject } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { LanguageService } from '@portal/web-i18n';
import { type SupplementTarget, targetLabel } from './form-model';

/** `item.target | targetLabel: targets`: the field or material a supplement item points at. */
@Pipe({ name: 'targetLabel', pure: false })
export class TargetLabelPipe implements PipeTransform {
  private readonly languages = inject(LanguageService);
  private readonly translate = inject(TranslateService);

  transform(target: string, targets: readonly SupplementTarget[]): string {
    const language = this.languages.language();
    const label = targetLabel(targets, target);
    return label
      ? label[language]
      : String(this.translate.instant('application.other'));
  }
}

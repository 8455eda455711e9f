import { Pipe, type PipeTransform, inject } from '@angular/core';
import { auditActionLabel } from '@portal/domain';
import { LanguageService } from '@portal/web-i18n';

/** `entry.action | auditAction`: the action in words, in the UI language (the code if unknown). */
@Pipe({ name: 'auditAction', pure: false })
export class AuditActionPipe implements PipeTransform {
  private readonly languages = inject(LanguageService);

  transform(code: string): string {
    return auditActionLabel(code, this.languages.language());
  }
}

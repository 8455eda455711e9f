import { Pipe, type PipeTransform, inject } from '@angular/core';
import { ROLE_DEFINITIONS, ROLES, type Role } from '@portal/domain';
import { LanguageService } from '../language/language.service';

export function isRole(value: unknown): value is Role {
  return (
    typeof value === 'string' && (ROLES as readonly string[]).includes(value)
  );
}

/** `role | roleLabel`: the role's name from the shared role definitions, in the UI language. */
@Pipe({ name: 'roleLabel', pure: false })
export class RoleLabelPipe implements PipeTransform {
  private readonly languages = inject(LanguageService);

  transform(role: string | null | undefined): string {
    if (!isRole(role)) return role ?? '';
    return ROLE_DEFINITIONS[role].label[this.languages.language()];
  }
}

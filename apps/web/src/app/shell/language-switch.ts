import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { LanguageService, otherLanguage } from '@portal/web-i18n';

/** The header's language switch: offers the other language, named in that language. */
@Component({
  selector: 'app-language-switch',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      type="button"
      class="app-header-button"
      data-testid="language-switch"
      [attr.data-language]="languages.language()"
      [attr.lang]="target()"
      [attr.title]="'language.switchToHint' | translate"
      (click)="languages.toggle()"
    >
      {{ 'language.switchTo' | translate }}
    </button>
  `,
})
export class LanguageSwitch {
  protected readonly languages = inject(LanguageService);
  protected readonly target = computed(() =>
    otherLanguage(this.languages.language()),
  );
}

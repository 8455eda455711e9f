import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import type { Language } from '@portal/contracts';
import { NzI18nService, en_US, zh_CN } from 'ng-zorro-antd/i18n';
import { DEFAULT_LANGUAGE } from '../translations/default-language';
import { isLanguage, otherLanguage } from './language';

export const LANGUAGE_STORAGE_KEY = 'portal.language';

/**
 * The UI language: one signal that ngx-translate, ng-zorro's own texts and `<html lang>` follow.
 * The user's choice is remembered in localStorage.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly translate = inject(TranslateService);
  private readonly zorroI18n = inject(NzI18nService);
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Language>(DEFAULT_LANGUAGE);

  /** The language now shown. */
  readonly language = this.current.asReadonly();

  constructor() {
    this.apply(this.storedPreference() ?? DEFAULT_LANGUAGE);
  }

  /** Switches the UI language and remembers the choice. */
  use(language: Language): void {
    try {
      this.document.defaultView?.localStorage.setItem(
        LANGUAGE_STORAGE_KEY,
        language,
      );
    } catch {
      // Storage can be disabled (private mode, policy); the switch still applies to this visit.
    }
    this.apply(language);
  }

  /** The account's language, used only while this device has no choice of its own. */
  adopt(language: Language): void {
    if (this.storedPreference() === null && language !== this.current())
      this.apply(language);
  }

  toggle(): void {
    this.use(otherLanguage(this.current()));
  }

  /** The language the user chose earlier on this device, if any. */
  storedPreference(): Language | null {
    try {
      const stored =
        this.document.defaultView?.localStorage.getItem(LANGUAGE_STORAGE_KEY);
      return isLanguage(stored) ? stored : null;
    } catch {
      return null;
    }
  }

  private apply(language: Language): void {
    this.current.set(language);
    this.translate.use(language);
    this.zorroI18n.setLocale(language === 'en' ? en_US : zh_CN);
    this.document.documentElement.lang = language;
  }
}

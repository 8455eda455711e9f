import { Injectable, effect, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslateService } from '@ngx-translate/core';
import { LanguageService } from '../language/language.service';

/** Route `title`s are translation keys; the document title follows the language switch. */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly translate = inject(TranslateService);
  private readonly languages = inject(LanguageService);
  private key: string | undefined;

  constructor() {
    super();
    effect(() => {
      this.languages.language();
      this.apply();
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key = this.buildTitle(snapshot);
    this.apply();
  }

  private apply(): void {
    const product = this.translate.instant('app.name') as string;
    const page = this.key ? (this.translate.instant(this.key) as string) : '';
    this.title.setTitle(page ? `${page} · ${product}` : product);
  }
}

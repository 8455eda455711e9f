import { Injectable } from '@angular/core';
import {
  type InterpolatableTranslation,
  type InterpolatableTranslationObject,
  TranslateCompiler,
  TranslateDefaultParser,
  type TranslationObject,
} from '@ngx-translate/core';

/** `{count, plural, one {day} other {days}}`: the ICU plural form, one level deep. */
const PLURAL =
  /\{\s*(\w+)\s*,\s*plural\s*,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const CASE = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

const rulesOf = new Map<string, Intl.PluralRules>();
function pluralRules(lang: string): Intl.PluralRules {
  let rules = rulesOf.get(lang);
  if (!rules) rulesOf.set(lang, (rules = new Intl.PluralRules(lang)));
  return rules;
}

/**
 * Chooses each plural block's case for the parameter it names, by the language's plural rules
 * (`=N` first, then the rule's category, then `other`); `#` in the case is the number.
 */
export function resolvePlurals(
  text: string,
  params: Readonly<Record<string, unknown>> | undefined,
  lang: string,
): string {
  return text.replace(PLURAL, (block, name: string, cases: string) => {
    const value = Number(params?.[name]);
    if (!Number.isFinite(value)) return block;
    const options = new Map(
      [...cases.matchAll(CASE)].map((m) => [m[1] as string, m[2] as string]),
    );
    const chosen =
      options.get(`=${value}`) ??
      options.get(pluralRules(lang).select(value)) ??
      options.get('other') ??
      '';
    return chosen.replace(/#/g, String(value));
  });
}

/**
 * ngx-translate's compiler with ICU plural blocks: a string that has one becomes a function of
 * its parameters, so "{{count}} working {count, plural, one {day} other {days}}" reads
 * "1 working day" and "3 working days". Strings without one stay strings.
 */
@Injectable()
export class PluralCompiler extends TranslateCompiler {
  private readonly parser = new TranslateDefaultParser();

  compile(value: string, lang: string): InterpolatableTranslation {
    PLURAL.lastIndex = 0;
    if (!PLURAL.test(value)) return value;
    return (params?: Record<string, unknown>) =>
      this.parser.interpolate(resolvePlurals(value, params, lang), params) ??
      value;
  }

  compileTranslations(
    translations: TranslationObject,
    lang: string,
  ): InterpolatableTranslationObject {
    const walk = (node: unknown): InterpolatableTranslation =>
      typeof node === 'string'
        ? this.compile(node, lang)
        : Array.isArray(node)
          ? node.map(walk)
          : node !== null && typeof node === 'object'
            ? Object.fromEntries(
                Object.entries(node).map(([k, v]) => [k, walk(v)]),
              )
            : (node as InterpolatableTranslation);
    return walk(translations) as InterpolatableTranslationObject;
  }
}

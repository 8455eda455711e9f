import type { Language } from '@portal/contracts';
import { en } from './en';
import type { TranslationTree } from './translation-tree';
import { zhCN } from './zh-cn';

export type Translations = TranslationTree<typeof zhCN>;

export { DEFAULT_LANGUAGE } from './default-language';

/**
 * Every language the UI speaks, for specs and tools. The app itself loads only the language in
 * use, as a chunk of its own (StaticTranslateLoader), so the first bundle carries neither.
 */
export const TRANSLATIONS: Readonly<Record<Language, Translations>> = {
  'zh-CN': zhCN,
  en,
};

/** Dotted paths of every leaf, e.g. `login.submit`: what the parity test compares. */
export function translationKeys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([key, value]) =>
    translationKeys(value, prefix ? `${prefix}.${key}` : key),
  );
}

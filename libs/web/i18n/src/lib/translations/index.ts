import type { Language } from '@portal/contracts';
import { en } from './en';
import type { TranslationTree } from './translation-tree';
import { zhCN } from './zh-cn';

export type Translations = TranslationTree<typeof zhCN>;

/** Every language the UI speaks, bundled with the app (no HTTP fetch). */
export const TRANSLATIONS: Readonly<Record<Language, Translations>> = {
  'zh-CN': zhCN,
  en,
};

export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** Dotted paths of every leaf, e.g. `login.submit`: what the parity test compares. */
export function translationKeys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([key, value]) =>
    translationKeys(value, prefix ? `${prefix}.${key}` : key),
  );
}

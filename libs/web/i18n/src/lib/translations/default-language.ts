import type { Language } from '@portal/contracts';

/** The language the portal speaks until the user chooses another. */
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

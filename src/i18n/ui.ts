import en from '../../content/ui/en.json';
import zh from '../../content/ui/zh.json';

/** Site languages; the first is the default. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A UI string key; English is the reference key set (a test checks zh has the same keys). */
export type UiKey = keyof typeof en;

const STRINGS: Record<Lang, Record<string, string>> = { en, zh };

/** The UI string `key` in `lang`; throws on a missing key so a typo fails the build, not the page. */
export function t(lang: Lang, key: UiKey): string {
  const value = STRINGS[lang][key];
  if (value === undefined) throw new Error(`content/ui/${lang}.json: missing key "${key}"`);
  return value;
}

/** The other language, for the language switch. */
export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

/** `lang` attribute value for <html>. */
export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

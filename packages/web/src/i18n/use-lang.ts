import { useTranslation } from 'react-i18next';
import { isLang, type Lang } from './i18n';

/** The current language, re-rendering on change, and a picker for `{ vi, en }` texts. */
export function useLang(): {
  lang: Lang;
  pick: (text: { vi: string; en: string } | null | undefined) => string;
} {
  const { i18n } = useTranslation();
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'vi';
  const pick = (text: { vi: string; en: string } | null | undefined): string =>
    text ? text[lang] || text.vi || text.en : '';
  return { lang, pick };
}

import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues } from './catalogues';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
const STORAGE_KEY = 'clipcontest.lang';

export const isLang = (v: unknown): v is Lang => v === 'vi' || v === 'en';

function readStored(): Lang | null {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return isLang(v) ? v : null;
  } catch {
    return null;
  }
}

function store(lang: Lang): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode or storage disabled: the choice simply does not persist
  }
}

/** `?lang=` wins, then the stored choice, then Vietnamese. */
export function detectLang(search: string = window.location.search): Lang {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (isLang(fromUrl)) return fromUrl;
  return readStored() ?? 'vi';
}

export const i18n: I18n = i18next.createInstance();

i18n.on('languageChanged', (lng) => {
  if (isLang(lng)) {
    document.documentElement.lang = lng;
    store(lng);
  }
});

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: catalogues.vi }, en: { translation: catalogues.en } },
  lng: detectLang(),
  fallbackLng: 'vi',
  supportedLngs: ['vi', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export function currentLang(): Lang {
  return isLang(i18n.language) ? i18n.language : 'vi';
}

export function setLang(lang: Lang): void {
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
}

import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { loadCatalogue, viCatalogue } from './catalogues';

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

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: viCatalogue } },
  partialBundledLanguages: true,
  lng: 'vi',
  fallbackLng: 'vi',
  supportedLngs: ['vi', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

// Registered after init, so that starting in Vietnamese does not overwrite a stored English choice.
i18n.on('languageChanged', (lng) => {
  if (isLang(lng)) {
    document.documentElement.lang = lng;
    store(lng);
  }
});

export function currentLang(): Lang {
  return isLang(i18n.language) ? i18n.language : 'vi';
}

/** Loads a language's catalogue (English is fetched on first use). */
async function ensureLoaded(lang: Lang): Promise<void> {
  if (i18n.hasResourceBundle(lang, 'translation')) return;
  i18n.addResourceBundle(lang, 'translation', await loadCatalogue(lang));
}

export function setLang(lang: Lang): void {
  if (i18n.language === lang) return;
  void ensureLoaded(lang).then(() => i18n.changeLanguage(lang));
}

/** Resolves once the visitor's language is ready: render after it, so nobody sees a flash of Vietnamese. */
const initialLang = detectLang();

export const i18nReady: Promise<void> = (async () => {
  const lang = initialLang;
  if (lang === 'vi') {
    document.documentElement.lang = 'vi';
    return;
  }
  await ensureLoaded(lang);
  await i18n.changeLanguage(lang);
})().catch(() => {
  // English failed to load (offline): stay in Vietnamese rather than show nothing.
});

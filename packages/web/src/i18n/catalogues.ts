import vi from './locales/vi.json';
import en from './locales/en.json';

export type Tree = { [key: string]: string | Tree };

/**
 * Feature catalogues live in `locales/features/<feature>.<lang>.json` and are mounted under the key
 * `<feature>` (so `media.fr.json`'s `report.title` is `t('media.report.title')`). Separate files keep
 * features from editing one shared file.
 */
const features = import.meta.glob<{ default: Tree }>('./locales/features/*.json', { eager: true });

function withFeatures(base: Tree, lang: 'vi' | 'en'): Tree {
  const merged: Tree = { ...base };
  for (const [path, mod] of Object.entries(features)) {
    const match = /\/([a-z0-9-]+)\.(vi|en)\.json$/.exec(path);
    if (match?.[2] === lang && match[1]) merged[match[1]] = mod.default;
  }
  return merged;
}

export const catalogues: Record<'vi' | 'en', Tree> = {
  vi: withFeatures(vi, 'vi'),
  en: withFeatures(en, 'en'),
};

import vi from './locales/vi.json';

export type Tree = { [key: string]: string | Tree };
export type CatalogueLang = 'vi' | 'en';

/**
 * Feature catalogues live in `locales/features/<feature>.<lang>.json` and are mounted under the key
 * `<feature>` (so `media.vi.json`'s `report.title` is `t('media.report.title')`). Separate files keep
 * features from editing one shared file.
 *
 * Vietnamese, the default, is bundled; English is a separate chunk fetched only when someone picks it, so
 * a phone on 3G does not download both languages.
 */
const viFeatures = import.meta.glob<Tree>('./locales/features/*.vi.json', { eager: true, import: 'default' });
const enFeatures = import.meta.glob<Tree>('./locales/features/*.en.json', { import: 'default' });

function mount(base: Tree, features: Record<string, Tree>): Tree {
  const merged: Tree = { ...base };
  for (const [path, tree] of Object.entries(features)) {
    const feature = /\/([a-z0-9-]+)\.(?:vi|en)\.json$/.exec(path)?.[1];
    if (feature) merged[feature] = tree;
  }
  return merged;
}

export const viCatalogue: Tree = mount(vi, viFeatures);

/** The whole catalogue of a language: Vietnamese at once, English after one fetch. */
export async function loadCatalogue(lang: CatalogueLang): Promise<Tree> {
  if (lang === 'vi') return viCatalogue;
  const [base, ...features] = await Promise.all([
    import('./locales/en.json').then((m) => m.default as Tree),
    ...Object.entries(enFeatures).map(async ([path, load]) => [path, await load()] as const),
  ]);
  return mount(base, Object.fromEntries(features));
}

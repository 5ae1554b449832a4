import { describe, expect, it } from 'vitest';
import { loadCatalogue, viCatalogue as vi, type Tree } from './catalogues';

const en = await loadCatalogue('en');

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

function values(tree: Tree): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : values(v)));
}

const placeholders = (s: string): string[] =>
  [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1] ?? '').sort();

function at(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

describe('i18n catalogues', () => {
  it('have exactly the same keys in Vietnamese and English', () => {
    expect(keys(vi).sort()).toEqual(keys(en).sort());
  });

  it('have no empty text', () => {
    expect(values(vi).filter((v) => v.trim() === '')).toEqual([]);
    expect(values(en).filter((v) => v.trim() === '')).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const differing = keys(vi).filter(
      (k) => placeholders(at(vi, k) ?? '').join() !== placeholders(at(en, k) ?? '').join(),
    );
    expect(differing).toEqual([]);
  });
});

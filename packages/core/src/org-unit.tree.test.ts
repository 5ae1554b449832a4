import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { flattenOrgImport, validateOrgImport } from './org-import.schema.js';
import type { FlatOrgUnit, OrgTreeNode } from './org-import.schema.js';
import { ancestorsOf, childrenOf, descendantsOf, isWithin } from './org-unit.tree.js';
import type { OrgUnit } from './org-unit.tree.js';

const raw: unknown = JSON.parse(
  readFileSync(new URL('../../server/data/quang-ngai-2023.json', import.meta.url), 'utf8'),
);

/** Org units with id = `u<code>`, as the server would store them. */
const toUnits = (flat: readonly FlatOrgUnit[]): OrgUnit[] =>
  flat.map((f) => ({
    id: `u${f.code}`,
    code: f.code,
    name: f.name,
    kind: f.kind,
    parentId: f.parentCode === null ? null : `u${f.parentCode}`,
    level: f.level,
  }));

describe('the Quảng Ngãi 2023 file', () => {
  const result = validateOrgImport(raw);
  const flat = result.ok ? result.units : [];

  it('validates and flattens to 1 province, 13 district-level units and 173 communes', () => {
    expect(result.ok).toBe(true);
    expect(flat.filter((u) => u.level === 'province')).toHaveLength(1);
    expect(flat.filter((u) => u.level === 'district')).toHaveLength(13);
    expect(flat.filter((u) => u.level === 'commune')).toHaveLength(173);
    expect(flat).toHaveLength(187);
    expect(new Set(flat.map((u) => u.code)).size).toBe(187);
  });

  it('keeps names, kinds, parents and depths', () => {
    expect(flat[0]).toEqual({
      code: '51',
      name: 'Tỉnh Quảng Ngãi',
      kind: 'province',
      parentCode: null,
      level: 'province',
      depth: 0,
    });
    const city = flat.find((u) => u.name === 'Thành phố Quảng Ngãi');
    expect(city).toMatchObject({ parentCode: '51', level: 'district', depth: 1 });
    const ward = flat.find((u) => u.name === 'Phường Lê Hồng Phong');
    expect(ward).toMatchObject({ parentCode: city?.code, level: 'commune', depth: 2, kind: 'ward' });
    // Parents always come before their children.
    const index = new Map(flat.map((u, i) => [u.code, i]));
    for (const [i, u] of flat.entries()) {
      if (u.parentCode !== null) expect(index.get(u.parentCode)).toBeLessThan(i);
    }
  });

  it('answers tree questions', () => {
    const units = toUnits(flat);
    const ward = units.find((u) => u.name === 'Phường Lê Hồng Phong');
    const city = units.find((u) => u.name === 'Thành phố Quảng Ngãi');
    const other = units.find((u) => u.level === 'district' && u.id !== city?.id);
    if (!ward || !city || !other) throw new Error('fixture');
    expect(ancestorsOf(units, ward.id)).toEqual(['u51', city.id, ward.id]);
    expect(ancestorsOf(units, 'u51')).toEqual(['u51']);
    expect(descendantsOf(units, 'u51')).toHaveLength(186);
    expect(descendantsOf(units, city.id).every((u) => u.level === 'commune')).toBe(true);
    expect(descendantsOf(units, ward.id)).toEqual([]);
    expect(isWithin(units, ward.id, city.id)).toBe(true);
    expect(isWithin(units, ward.id, ward.id)).toBe(true);
    expect(isWithin(units, ward.id, other.id)).toBe(false);
    expect(isWithin(units, city.id, ward.id)).toBe(false);
    expect(isWithin(units, 'nope', city.id)).toBe(false);
    expect(childrenOf(units, null).map((u) => u.id)).toEqual(['u51']);
    expect(childrenOf(units, 'u51')).toHaveLength(13);
    const communeCount = units
      .filter((u) => u.level === 'district')
      .reduce((n, d) => n + descendantsOf(units, d.id).length, 0);
    expect(communeCount).toBe(173);
  });

  it('reports duplicate codes with the path of the repeat', () => {
    const copy = structuredClone(raw) as { districts: Array<{ communes: Array<{ code: string }> }> };
    copy.districts[1]!.communes[0]!.code = copy.districts[0]!.communes[0]!.code;
    const bad = validateOrgImport(copy);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      'districts.1.communes.0.code duplicate_key',
    ]);
  });

  it('reports shape problems without throwing', () => {
    const bad = validateOrgImport({ province: { code: '51', name: 'X' }, districts: [] });
    expect(!bad.ok && bad.issues.map((i) => `${i.path} ${i.code}`)).toEqual(['province.kind invalid_type']);
    expect(validateOrgImport(null).ok).toBe(false);
    expect(validateOrgImport(42).ok).toBe(false);
  });
});

describe('the generic recursive shape', () => {
  const twoLevel: OrgTreeNode = {
    code: '51',
    name: 'Tỉnh Quảng Ngãi',
    kind: 'province',
    children: [
      { code: '21010', name: 'Phường Lê Hồng Phong', kind: 'ward' },
      { code: '21013', name: 'Phường Trần Phú', kind: 'ward' },
    ],
  };

  it('takes levels from options (province → commune)', () => {
    const result = validateOrgImport(twoLevel, { levels: ['province', 'commune'] });
    expect(result.ok && result.units.map((u) => `${u.code}:${u.level}:${u.parentCode}`)).toEqual([
      '51:province:null',
      '21010:commune:51',
      '21013:commune:51',
    ]);
  });

  it('takes levels from the nodes, at any depth, and accepts a list of roots', () => {
    const deep = (depth: number): OrgTreeNode => ({
      code: `c${depth}`,
      name: `Unit ${depth}`,
      kind: 'unit',
      level: `level-${depth}`,
      children: depth < 6 ? [deep(depth + 1)] : [],
    });
    const result = validateOrgImport([deep(0), { code: 'x', name: 'X', kind: 'k', level: 'level-0' }]);
    expect(result.ok && result.units.map((u) => u.depth)).toEqual([0, 1, 2, 3, 4, 5, 6, 0]);
    expect(flattenOrgImport(deep(0)).at(-1)).toMatchObject({
      code: 'c6',
      parentCode: 'c5',
      level: 'level-6',
    });
  });

  it('refuses a node whose level is unknown', () => {
    const result = validateOrgImport(twoLevel, { levels: ['province'] });
    expect(!result.ok && result.issues.map((i) => `${i.path} ${i.code}`)).toEqual([
      'children.0.level unknown_level',
      'children.1.level unknown_level',
    ]);
    expect(() => flattenOrgImport(twoLevel)).toThrow(expect.objectContaining({ code: 'invalid_org_import' }));
  });

  it('ancestorsOf ends with the unit and starts with a root (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), (parents) => {
        // Unit i's parent is some earlier unit (or none for unit 0): always a forest.
        const units: OrgUnit[] = parents.map((p, i) => ({
          id: `n${i}`,
          code: `${i}`,
          name: `N${i}`,
          kind: 'k',
          parentId: i === 0 ? null : `n${p % i}`,
          level: 'l',
        }));
        for (const u of units) {
          const path = ancestorsOf(units, u.id);
          expect(path.at(-1)).toBe(u.id);
          expect(path[0]).toBe('n0');
          for (const a of path) expect(isWithin(units, u.id, a)).toBe(true);
          for (const d of descendantsOf(units, u.id)) expect(ancestorsOf(units, d.id)).toContain(u.id);
        }
      }),
    );
  });

  it('detects cycles and unknown ids', () => {
    const cyclic: OrgUnit[] = [
      { id: 'a', code: 'a', name: 'A', kind: 'k', parentId: 'b', level: 'l' },
      { id: 'b', code: 'b', name: 'B', kind: 'k', parentId: 'a', level: 'l' },
    ];
    expect(() => ancestorsOf(cyclic, 'a')).toThrow(expect.objectContaining({ code: 'org_unit_cycle' }));
    expect(() => ancestorsOf(cyclic, 'z')).toThrow(expect.objectContaining({ code: 'org_unit_not_found' }));
    expect(isWithin(cyclic, 'a', 'b')).toBe(false);
  });
});

/**
 * Import files for the org-unit tree. Two shapes are accepted:
 * - the province file (`{ province: {code,name,kind}, districts: [{code,name,kind, communes: [...]}] }`,
 *   e.g. data/quang-ngai-2023.json), whose levels are `province`, `district`, `commune`;
 * - a generic recursive tree `{ code, name, kind, level?, children?: [...] }` (or a list of such roots), of
 *   any depth; each node's level is its `level`, else `options.levels[depth]`.
 */
import { z } from 'zod';
import { DomainError } from './errors.js';
import type { FieldIssue } from './errors.js';
import { joinPath, toFieldIssues } from './field-issue.mapper.js';
import { keySchema } from './shared.schema.js';

const unitFields = {
  code: z.string().trim().min(1).max(32),
  name: z.string().trim().min(1).max(200),
  kind: z.string().trim().min(1).max(50),
};

export const provinceImportSchema = z.object({
  province: z.object(unitFields),
  districts: z.array(z.object({ ...unitFields, communes: z.array(z.object(unitFields)) })),
});
export type ProvinceImportFile = z.output<typeof provinceImportSchema>;

export interface OrgTreeNode {
  code: string;
  name: string;
  kind: string;
  level?: string | undefined;
  children?: OrgTreeNode[] | undefined;
}

export const orgTreeNodeSchema: z.ZodType<OrgTreeNode> = z.lazy(() =>
  z.object({
    ...unitFields,
    level: keySchema.optional(),
    children: z.array(orgTreeNodeSchema).optional(),
  }),
);

export const orgImportFileSchema = z.union([
  provinceImportSchema,
  orgTreeNodeSchema,
  z.array(orgTreeNodeSchema).min(1),
]);
export type OrgImportFile = z.output<typeof orgImportFileSchema>;

/** One unit of an import, parents listed before their children. */
export interface FlatOrgUnit {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  level: string;
  /** 0 for a root. */
  depth: number;
}

export interface FlattenOptions {
  /** Level keys by depth; for the province file they default to `province`, `district`, `commune`. */
  levels?: readonly string[];
}

export const provinceFileLevels = ['province', 'district', 'commune'] as const;

const isProvinceFile = (file: OrgImportFile): file is ProvinceImportFile =>
  !Array.isArray(file) && 'districts' in file;

function toTree(file: ProvinceImportFile): OrgTreeNode {
  const { province, districts } = file;
  return {
    ...province,
    children: districts.map(({ communes, ...district }) => ({ ...district, children: communes })),
  };
}

function flattenWithIssues(
  file: OrgImportFile,
  options: FlattenOptions = {},
): { units: FlatOrgUnit[]; issues: FieldIssue[] } {
  const province = isProvinceFile(file);
  const roots = province ? [toTree(file)] : Array.isArray(file) ? file : [file];
  const levels = options.levels ?? (province ? provinceFileLevels : []);
  const units: FlatOrgUnit[] = [];
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();

  // Paths point into the file as written (`districts.3.communes.5.code` for the province file).
  const pathOf = (trail: readonly number[]): (string | number)[] => {
    if (province) {
      const [, d, c] = trail;
      if (d === undefined) return ['province'];
      return c === undefined ? ['districts', d] : ['districts', d, 'communes', c];
    }
    const [root, ...rest] = trail;
    return [...(Array.isArray(file) ? [root ?? 0] : []), ...rest.flatMap((i) => ['children', i])];
  };

  const visit = (node: OrgTreeNode, parentCode: string | null, trail: number[]): void => {
    const depth = trail.length - 1;
    const level = (province ? undefined : node.level) ?? levels[depth];
    if (seen.has(node.code)) {
      issues.push({
        path: joinPath([...pathOf(trail), 'code']),
        code: 'duplicate_key',
        message: {
          vi: `Mã đơn vị "${node.code}" bị trùng.`,
          en: `Unit code "${node.code}" appears more than once.`,
        },
      });
    }
    seen.add(node.code);
    if (level === undefined) {
      issues.push({
        path: joinPath([...pathOf(trail), 'level']),
        code: 'unknown_level',
        message: {
          vi: `Không xác định được cấp của đơn vị "${node.code}" (độ sâu ${depth}).`,
          en: `No level for unit "${node.code}" (depth ${depth}).`,
        },
      });
    } else {
      units.push({ code: node.code, name: node.name, kind: node.kind, parentCode, level, depth });
    }
    (node.children ?? []).forEach((child, i) => visit(child, node.code, [...trail, i]));
  };
  roots.forEach((root, i) => visit(root, null, [i]));
  return { units, issues };
}

export type OrgImportValidation = { ok: true; units: FlatOrgUnit[] } | { ok: false; issues: FieldIssue[] };

/** Parses and flattens an import file; never throws. */
export function validateOrgImport(input: unknown, options: FlattenOptions = {}): OrgImportValidation {
  const isObject = typeof input === 'object' && input !== null;
  const schema =
    isObject && !Array.isArray(input) && ('districts' in input || 'province' in input)
      ? provinceImportSchema
      : Array.isArray(input)
        ? z.array(orgTreeNodeSchema).min(1)
        : orgTreeNodeSchema;
  const parsed = schema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: toFieldIssues(parsed.error.issues) };
  const { units, issues } = flattenWithIssues(parsed.data, options);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, units };
}

/**
 * Flattens a parsed import file, parents before children.
 * Throws `DomainError('bad_request', 'invalid_org_import')` with issues for duplicate codes or unknown levels.
 */
export function flattenOrgImport(file: OrgImportFile, options: FlattenOptions = {}): FlatOrgUnit[] {
  const { units, issues } = flattenWithIssues(file, options);
  if (issues.length > 0) {
    throw new DomainError(
      'bad_request',
      'invalid_org_import',
      { vi: 'Tệp đơn vị hành chính không hợp lệ.', en: 'The org-unit file is invalid.' },
      { issues },
    );
  }
  return units;
}

/** Turns zod issues into `FieldIssue`s: dot-joined path, stable code, message in vi and en. */
import type { z } from 'zod';
import type { FieldIssue, LocalizedText } from './errors.js';

type ZodIssue = z.core.$ZodIssue;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const typeNames: Record<string, LocalizedText> = {
  string: { vi: 'chuỗi ký tự', en: 'text' },
  number: { vi: 'số', en: 'a number' },
  boolean: { vi: 'đúng/sai', en: 'true/false' },
  array: { vi: 'danh sách', en: 'a list' },
  object: { vi: 'đối tượng', en: 'an object' },
};

const typeName = (t: string): LocalizedText => typeNames[t] ?? { vi: t, en: t };

function sizeText(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): LocalizedText {
  const small = issue.code === 'too_small';
  const limit = String(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  if (issue.origin === 'string') {
    return small
      ? { vi: `Cần ít nhất ${limit} ký tự.`, en: `Must have at least ${limit} character(s).` }
      : { vi: `Tối đa ${limit} ký tự.`, en: `Must have at most ${limit} characters.` };
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return small
      ? { vi: `Cần ít nhất ${limit} mục.`, en: `Must have at least ${limit} item(s).` }
      : { vi: `Tối đa ${limit} mục.`, en: `Must have at most ${limit} items.` };
  }
  if (small) {
    return inclusive
      ? { vi: `Phải lớn hơn hoặc bằng ${limit}.`, en: `Must be at least ${limit}.` }
      : { vi: `Phải lớn hơn ${limit}.`, en: `Must be greater than ${limit}.` };
  }
  return inclusive
    ? { vi: `Phải nhỏ hơn hoặc bằng ${limit}.`, en: `Must be at most ${limit}.` }
    : { vi: `Phải nhỏ hơn ${limit}.`, en: `Must be less than ${limit}.` };
}

const formatValue = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : String(v));

/** vi/en message of one zod issue; custom issues raised by this package carry their own. */
export function localizeZodIssue(issue: ZodIssue): { code: string; message: LocalizedText } {
  switch (issue.code) {
    case 'custom': {
      const p: unknown = issue.params;
      if (isRecord(p) && typeof p.code === 'string' && typeof p.vi === 'string' && typeof p.en === 'string') {
        return { code: p.code, message: { vi: p.vi, en: p.en } };
      }
      return {
        code: 'custom',
        message: { vi: 'Giá trị không hợp lệ.', en: issue.message || 'Invalid value.' },
      };
    }
    case 'invalid_type': {
      if (!('input' in issue) || issue.input === undefined) {
        return { code: issue.code, message: { vi: 'Bắt buộc phải nhập.', en: 'Required.' } };
      }
      const t = typeName(issue.expected);
      return { code: issue.code, message: { vi: `Phải là ${t.vi}.`, en: `Must be ${t.en}.` } };
    }
    case 'too_small':
      return { code: issue.code, message: sizeText(issue) };
    case 'too_big':
      return { code: issue.code, message: sizeText(issue) };
    case 'invalid_format': {
      const pattern = issue.pattern ? ` (${issue.pattern})` : '';
      return {
        code: issue.code,
        message: { vi: `Sai định dạng${pattern}.`, en: `Invalid format${pattern}.` },
      };
    }
    case 'not_multiple_of':
      return {
        code: issue.code,
        message: {
          vi: `Phải là bội số của ${String(issue.divisor)}.`,
          en: `Must be a multiple of ${String(issue.divisor)}.`,
        },
      };
    case 'invalid_value': {
      const values = issue.values.map(formatValue).join(', ');
      return {
        code: issue.code,
        message: { vi: `Phải là một trong: ${values}.`, en: `Must be one of: ${values}.` },
      };
    }
    case 'unrecognized_keys':
      return {
        code: issue.code,
        message: {
          vi: `Trường không được hỗ trợ: ${issue.keys.join(', ')}.`,
          en: `Unknown field(s): ${issue.keys.join(', ')}.`,
        },
      };
    case 'invalid_union':
      return {
        code: issue.code,
        message: {
          vi: 'Giá trị không khớp với dạng nào được chấp nhận.',
          en: 'Matches none of the accepted shapes.',
        },
      };
    case 'invalid_key':
    case 'invalid_element':
      return { code: issue.code, message: { vi: 'Giá trị không hợp lệ.', en: 'Invalid value.' } };
  }
}

/** `['rounds', 1, 'windows']` → `rounds.1.windows`. */
export const joinPath = (path: readonly PropertyKey[]): string => path.map((p) => String(p)).join('.');

export function toFieldIssues(issues: readonly ZodIssue[]): FieldIssue[] {
  return issues.map((issue) => ({ path: joinPath(issue.path), ...localizeZodIssue(issue) }));
}

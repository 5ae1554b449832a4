import { z } from 'zod';
import type { LocalizedText } from './errors.js';
import { isLocalDateTime, isValidTimeZone } from './local-time.rules.js';

/** Carried in `params` of the custom zod issues this package raises, so they map to a stable code. */
export interface CustomIssueParams {
  code: string;
  vi: string;
  en: string;
}

export const customIssue = (
  code: string,
  text: LocalizedText,
): { params: CustomIssueParams; error: string } => ({
  params: { code, vi: text.vi, en: text.en },
  error: text.en,
});

/** `{ vi, en }`, both non-empty after trimming. */
export const localizedTextSchema = (maxLength = 500) =>
  z.object({
    vi: z.string().trim().min(1).max(maxLength),
    en: z.string().trim().min(1).max(maxLength),
  });

/** A machine key: lower-case letters and digits, words joined by `-` or `_` (e.g. `final-2023`). */
export const keySchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/);

/** A URL slug: lower-case kebab-case. */
export const slugSchema = z
  .string()
  .min(3)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** A local date-time `YYYY-MM-DDTHH:mm:ss` (no offset), interpreted in the contest time zone. */
export const localDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/)
  .refine(
    isLocalDateTime,
    customIssue('invalid_local_datetime', {
      vi: 'Ngày giờ không tồn tại trên lịch (định dạng YYYY-MM-DDTHH:mm:ss).',
      en: 'This date-time does not exist on the calendar (format YYYY-MM-DDTHH:mm:ss).',
    }),
  );

/** An IANA time zone name the runtime knows. */
export const timeZoneSchema = z.string().refine(
  isValidTimeZone,
  customIssue('invalid_timezone', {
    vi: 'Múi giờ không hợp lệ; hãy dùng tên IANA, ví dụ Asia/Ho_Chi_Minh.',
    en: 'Unknown time zone; use an IANA name such as Asia/Ho_Chi_Minh.',
  }),
);

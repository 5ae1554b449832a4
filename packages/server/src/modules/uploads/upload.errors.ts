import { DomainError, type LocalizedText } from '@clipcontest/core';
import type { Lang } from '../../infra/http/lang.js';

const GIB = 1024 ** 3;
const MIB = 1024 ** 2;

/** "2 GB", "1,5 GB" in Vietnamese, "1.5 GB" in English: binary units, named the way people say them. */
export function formatBytes(bytes: number, lang: Lang): string {
  const [value, unit] =
    bytes >= GIB ? [bytes / GIB, 'GB'] : bytes >= MIB ? [bytes / MIB, 'MB'] : [bytes / 1024, 'KB'];
  const number = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 1 });
  return `${number.format(value)} ${unit}`;
}

const list = (formats: readonly string[]): string => formats.map((f) => f.toUpperCase()).join(', ');

export const uploadErrors = {
  tooLarge: (maxBytes: number) =>
    new DomainError('too_large', 'upload_too_large', {
      vi: `Tệp quá lớn: tối đa ${formatBytes(maxBytes, 'vi')}.`,
      en: `The file is too large: at most ${formatBytes(maxBytes, 'en')}.`,
    }),
  wrongType: (allowed: readonly string[]) =>
    new DomainError('unsupported', 'upload_wrong_type', {
      vi: `Tệp không đúng định dạng. Chỉ nhận: ${list(allowed)}.`,
      en: `This file is not of an accepted type. Accepted: ${list(allowed)}.`,
    }),
  forbidden: () =>
    new DomainError('forbidden', 'upload_forbidden', {
      vi: 'Bạn không có quyền với tệp tải lên này.',
      en: 'You are not allowed to access this upload.',
    }),
  notFound: () =>
    new DomainError('not_found', 'upload_not_found', {
      vi: 'Không tìm thấy tệp tải lên này. Hãy tải lên lại từ đầu.',
      en: 'No such upload. Please start the upload again.',
    }),
  metadataInvalid: () =>
    new DomainError('bad_request', 'upload_metadata_invalid', {
      vi: 'Thiếu thông tin tệp tải lên (bài dự thi, loại tệp, tên tệp).',
      en: 'The upload lacks its details (entry, kind of file, file name).',
    }),
  lengthRequired: () =>
    new DomainError('bad_request', 'upload_length_required', {
      vi: 'Cần cho biết kích thước tệp khi bắt đầu tải lên.',
      en: 'The file size must be given when the upload starts.',
    }),
  alreadyFinished: () =>
    new DomainError('conflict', 'upload_finished', {
      vi: 'Tệp này đã tải lên xong, không thể thay đổi hay huỷ.',
      en: 'This upload has already finished: it can no longer be changed or cancelled.',
    }),
};

const internalError: LocalizedText = {
  vi: 'Lỗi máy chủ. Vui lòng thử lại.',
  en: 'Server error. Please try again.',
};

/** The API's 500 body, for failures inside tus after the reply was hijacked. */
export function internalErrorJson(lang: Lang): string {
  return JSON.stringify({ code: 'internal_error', message: internalError[lang], messages: internalError });
}

// The same mapping as the API's error handler, for the responses tus writes itself (after `hijack`).
export { STATUS_OF } from '../../infra/http/error-handler.js';

/** The API's error body (`{ code, message, messages }`), for answers written outside Fastify's reply. */
export function errorJson(e: DomainError, lang: Lang): string {
  return JSON.stringify({
    code: e.code,
    message: e.localized[lang],
    messages: e.localized,
    ...(e.issues.length ? { issues: e.issues } : {}),
  });
}

import {
  DomainError,
  isDomainError,
  type DomainErrorKind,
  type FieldIssue,
  type LocalizedText,
} from '@clipcontest/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorResponse } from './error-schema.js';
import { langOf } from './lang.js';

/** HTTP status of each kind of domain error (also used by answers written outside Fastify's reply). */
export const STATUS_OF: Record<DomainErrorKind, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  rate_limited: 429,
};

const invalidRequest: LocalizedText = {
  vi: 'Dữ liệu gửi lên không hợp lệ.',
  en: 'The request is not valid.',
};

// Fastify's own 4xx errors (bad JSON, wrong content type, body too large…) get stable codes too.
const FASTIFY_CODES: Record<string, { code: string; message: LocalizedText }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: { vi: 'Kiểu nội dung không được hỗ trợ.', en: 'Unsupported content type.' },
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'body_too_large',
    message: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'invalid_json',
    message: { vi: 'Nội dung JSON trống.', en: 'The JSON body is empty.' },
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'invalid_json',
    message: { vi: 'Nội dung JSON không hợp lệ.', en: 'The JSON body is malformed.' },
  },
};

function issueCode(issue: unknown): string {
  return typeof issue === 'object' && issue !== null && 'code' in issue ? String(issue.code) : 'invalid';
}

export function sendDomainError(request: FastifyRequest, reply: FastifyReply, e: DomainError): FastifyReply {
  const lang = langOf(request);
  const body: ErrorResponse = { code: e.code, message: e.localized[lang], messages: e.localized };
  if (e.issues.length) body.issues = [...e.issues];
  if (e.retryAfterSeconds !== undefined) void reply.header('retry-after', String(e.retryAfterSeconds));
  return reply.status(STATUS_OF[e.kind]).send(body);
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (isDomainError(error)) return sendDomainError(request, reply, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: FieldIssue[] = error.validation.map((v) => {
        const path = [error.validationContext, ...v.instancePath.split('/').filter(Boolean)]
          .filter(Boolean)
          .join('.');
        return {
          path,
          code: issueCode(v.params.issue),
          message: { vi: v.message ?? 'không hợp lệ', en: v.message ?? 'invalid' },
        };
      });
      return sendDomainError(
        request,
        reply,
        new DomainError('bad_request', 'invalid_request', invalidRequest, { issues }),
      );
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const known = FASTIFY_CODES[error.code];
      const kind: DomainErrorKind =
        status === 413
          ? 'too_large'
          : status === 415
            ? 'unsupported'
            : status === 429
              ? 'rate_limited'
              : status === 404
                ? 'not_found'
                : 'bad_request';
      return sendDomainError(
        request,
        reply,
        new DomainError(kind, known?.code ?? 'bad_request', known?.message ?? invalidRequest),
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    const message: LocalizedText = {
      vi: 'Lỗi máy chủ. Vui lòng thử lại.',
      en: 'Server error. Please try again.',
    };
    return reply
      .status(500)
      .send({ code: 'internal_error', message: message[langOf(request)], messages: message });
  });

  app.setNotFoundHandler((request, reply) =>
    sendDomainError(
      request,
      reply,
      new DomainError('not_found', 'route_not_found', {
        vi: 'Không tìm thấy địa chỉ này.',
        en: 'No such address.',
      }),
    ),
  );
}

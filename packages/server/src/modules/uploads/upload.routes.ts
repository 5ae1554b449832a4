import { mkdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isDomainError } from '@clipcontest/core';
import { FileStore } from '@tus/file-store';
import { Metadata, Server, TUS_RESUMABLE, type ServerOptions, type Upload } from '@tus/server';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../infra/context.js';
import { requireAuth } from '../../infra/http/auth-hook.js';
import { langOf, type Lang } from '../../infra/http/lang.js';
import { sha256File, sniffUpload } from './upload-file.service.js';
import { errorJson, internalErrorJson, STATUS_OF, uploadErrors } from './upload.errors.js';
import type { UploadHooks, UploadKind, UploadTarget } from './upload.hooks.js';

export interface UploadRoutesOptions {
  /** Where chunks land (a volume shared by every instance that takes uploads). */
  directory: string;
  /** Mount point of the tus endpoint; `/api/uploads` by default. */
  path?: string;
}

type TusRequest = Parameters<NonNullable<ServerOptions['onUploadCreate']>>[0];

/** What the Fastify side learned about a request, for tus's hooks which only see the raw request. */
interface RequestContext {
  request: FastifyRequest;
  target?: UploadTarget;
}

const KINDS: ReadonlySet<string> = new Set<UploadKind>(['original', 'subtitle']);
const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' };
const OFFSET_OCTET_STREAM = 'application/offset+octet-stream';
// tus names uploads with 32 hex digits; anything else in the path is not one of ours.
const UPLOAD_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * The upload id of a path under the endpoint, or undefined. Both the ownership check and tus itself use
 * this one function: if they parsed the URL differently, `/api/uploads/mine?/theirs` could pass the check
 * for one upload and act on another.
 */
export function uploadIdFromPath(pathname: string, base: string): string | undefined {
  if (!pathname.startsWith(`${base}/`)) return undefined;
  const id = pathname.slice(base.length + 1);
  return UPLOAD_ID.test(id) ? id : undefined;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

function creationMeta(request: FastifyRequest): {
  entryId: string;
  kind: string;
  filename: string;
  size: number | undefined;
} {
  if (header(request, 'upload-defer-length') !== undefined) throw uploadErrors.lengthRequired();
  const length = header(request, 'upload-length');
  if (length === undefined || !/^\d+$/.test(length)) throw uploadErrors.lengthRequired();
  let meta: Record<string, string | null>;
  try {
    meta = Metadata.parse(header(request, 'upload-metadata'));
  } catch {
    throw uploadErrors.metadataInvalid();
  }
  const { entryId, kind, filename } = meta;
  if (!entryId || !kind || !KINDS.has(kind) || !filename) throw uploadErrors.metadataInvalid();
  return { entryId, kind, filename, size: Number(length) };
}

/** Answers for a finished upload ourselves: its bytes have moved to storage, where tus cannot see them. */
function sendFinished(reply: FastifyReply, status: 200 | 204, size: number): FastifyReply {
  return reply
    .code(status)
    .headers({
      'Tus-Resumable': TUS_RESUMABLE,
      'Upload-Offset': String(size),
      ...(status === 200 ? { 'Upload-Length': String(size) } : {}),
      'Cache-Control': 'no-store',
    })
    .send();
}

function jsonAnswer(status: number, body: string) {
  return { status_code: status, headers: JSON_HEADERS, body };
}

/**
 * Resumable uploads (tus 1.0) under `opts.path`. Chunks stream to `opts.directory`; `hooks.authorize`
 * decides each creation, and `hooks.complete` receives every file that arrived whole and passed sniffing.
 */
export const uploadRoutes =
  (deps: Deps, hooks: UploadHooks, opts: UploadRoutesOptions): FastifyPluginAsync =>
  async (app) => {
    const base = (opts.path ?? '/api/uploads').replace(/\/+$/, '');
    const directory = resolve(opts.directory);
    // FileStore creates the directory from its constructor, with no way to await or catch a failure.
    await mkdir(directory, { recursive: true });
    const store = new FileStore({ directory });
    const contexts = new WeakMap<object, RequestContext>();
    const finishing = new Map<string, Promise<void>>();

    const contextOf = (req: TusRequest): RequestContext | undefined => {
      const raw = req.runtime?.node?.req;
      return raw ? contexts.get(raw) : undefined;
    };

    /** Adds server-side facts to the upload's record (the `.json` next to its bytes). */
    async function annotate(id: string, facts: Record<string, string>): Promise<void> {
      const record = await store.configstore.get(id);
      if (!record) return;
      record.metadata = { ...record.metadata, ...facts };
      await store.configstore.set(id, record);
    }

    async function runFinish(id: string, upload: Pick<Upload, 'size' | 'metadata'>): Promise<void> {
      const meta = upload.metadata ?? {};
      const kind: UploadKind = meta.kind === 'subtitle' ? 'subtitle' : 'original';
      const path = join(directory, id);
      // Kept once the content passed: a retried hand-over must not need bytes that `complete` may have moved.
      let { sha256, container } = meta;
      if (!sha256 || !container) {
        const allowed = (meta.allowedContainers ?? '').split(',').filter(Boolean);
        container = await sniffUpload(path, kind);
        if (!container || !allowed.includes(container)) {
          await store.remove(id).catch((err: unknown) => deps.log.warn({ err, id }, 'upload removal failed'));
          throw uploadErrors.wrongType(allowed);
        }
        sha256 = await sha256File(path);
        await annotate(id, { sha256, container });
      }
      const size = upload.size ?? (await stat(path)).size;
      await hooks.complete({
        uploadId: id,
        entryId: meta.entryId ?? '',
        kind,
        filename: meta.filename ?? '',
        path,
        size,
        sha256,
        container,
      });
      await annotate(id, { completed: '1' });
      // `complete` has stored the bytes (moved or copied); only the small record stays, so that a client
      // asking later still hears "finished".
      await rm(path, { force: true });
    }

    /** Sniff, hash and hand over, once at a time per upload; a finished upload is not handed over twice. */
    function finish(id: string, upload: Pick<Upload, 'size' | 'metadata'>): Promise<void> {
      if (upload.metadata?.completed === '1') return Promise.resolve();
      const running = finishing.get(id);
      if (running) return running;
      const run = runFinish(id, upload).finally(() => finishing.delete(id));
      finishing.set(id, run);
      return run;
    }

    const tus = new Server({
      path: base,
      datastore: store,
      relativeLocation: true,
      // Same-origin only: the session cookie must never ride on a cross-site upload.
      allowedOrigins: () => false,
      disableTerminationForFinishedUploads: true,
      getFileIdFromRequest: (req) => uploadIdFromPath(new URL(req.url).pathname, base),
      // eslint-disable-next-line @typescript-eslint/require-await -- tus expects a promise
      onUploadCreate: async (req, upload) => {
        const target = contextOf(req)?.target;
        if (!target) throw Object.assign(new Error('upload not admitted'), { status_code: 500, body: '' });
        // Only what the server decided is kept: a client cannot smuggle in its own owner or limits.
        return {
          metadata: {
            entryId: target.entryId,
            kind: target.kind,
            filename: upload.metadata?.filename ?? '',
            userId: target.userId,
            maxBytes: String(target.maxBytes),
            allowedContainers: target.allowedContainers.join(','),
          },
        };
      },
      onUploadFinish: async (req, upload) => {
        const context = contextOf(req);
        const lang: Lang = context ? langOf(context.request) : 'vi';
        try {
          await finish(upload.id, upload);
          return {};
        } catch (e) {
          if (isDomainError(e)) return jsonAnswer(STATUS_OF[e.kind], errorJson(e, lang));
          (context?.request.log ?? deps.log).error({ err: e, uploadId: upload.id }, 'upload finish failed');
          // The bytes stay: the client's retry (HEAD) finishes the upload again.
          return jsonAnswer(500, internalErrorJson(lang));
        }
      },
    });

    /** The checks tus cannot make: who may create, and whose upload this is. Throws DomainErrors (JSON). */
    async function admit(request: FastifyRequest, reply: FastifyReply): Promise<RequestContext | null> {
      const context: RequestContext = { request };
      if (request.method === 'OPTIONS') return context;
      const auth = requireAuth(request);
      if (request.method === 'POST') {
        const meta = creationMeta(request);
        const target = await hooks.authorize(request, meta);
        if (meta.size !== undefined && meta.size > target.maxBytes)
          throw uploadErrors.tooLarge(target.maxBytes);
        context.target = target;
        return context;
      }
      const id = uploadIdFromPath(request.url.split('?')[0] ?? '', base);
      const record = id ? await store.configstore.get(id) : undefined;
      if (!id || !record) throw uploadErrors.notFound();
      if (record.metadata?.userId !== auth.user.id) throw uploadErrors.forbidden();
      const finished = record.metadata?.completed === '1';
      const size = record.size ?? 0;
      if (finished) {
        if (request.method === 'HEAD') return (sendFinished(reply, 200, size), null);
        // A retried last PATCH (its answer was lost) is a no-op; anything else comes too late.
        if (request.method === 'PATCH' && header(request, 'upload-offset') === String(size))
          return (sendFinished(reply, 204, size), null);
        throw uploadErrors.alreadyFinished();
      }
      if (request.method === 'HEAD') {
        // Every byte is in but the hand-over failed (its PATCH answered 500): the client's HEAD retries it.
        const verified = Boolean(record.metadata?.sha256);
        const received = verified
          ? size
          : await stat(join(directory, id)).then(
              (s) => s.size,
              () => undefined,
            );
        if (received === size) {
          await finish(id, record);
          return (sendFinished(reply, 200, size), null);
        }
      }
      return context;
    }

    if (!app.hasContentTypeParser(OFFSET_OCTET_STREAM)) {
      // Leave the body unread: tus streams it straight to disk once the route hijacks the reply.
      app.addContentTypeParser(OFFSET_OCTET_STREAM, (_request, _payload, done) => done(null));
    }

    for (const url of [base, `${base}/*`]) {
      app.route({
        method: ['POST', 'HEAD', 'PATCH', 'DELETE', 'OPTIONS'],
        url,
        // tus is its own protocol (tus.io); the web app talks to it with tus-js-client, not the API client.
        schema: { hide: true },
        handler: async (request, reply) => {
          const context = await admit(request, reply);
          if (!context) return reply;
          contexts.set(request.raw, context);
          reply.hijack();
          try {
            await tus.handle(request.raw, reply.raw);
          } catch (err) {
            request.log.error({ err }, 'tus request failed');
            if (reply.raw.headersSent) reply.raw.destroy();
            else reply.raw.writeHead(500, JSON_HEADERS).end(internalErrorJson(langOf(request)));
          }
          return reply;
        },
      });
    }
  };

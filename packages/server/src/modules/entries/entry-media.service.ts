import { DomainError } from '@clipcontest/core';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../infra/context.js';
import { inTransaction } from '../../infra/context.js';
import { newId, nowIso } from '../../infra/db/ids.js';
import { requireAuth } from '../../infra/http/auth-hook.js';
import { recordAudit } from '../audit/audit.service.js';
import { enqueueMediaProcessing } from '../media/media-pipeline.service.js';
import { flushEmails } from '../notifications/notification.service.js';
import type { FinishedUpload, UploadHooks, UploadTarget } from '../uploads/upload.hooks.js';
import { assertEntryAllowed, entryErrors, loadEntryContext } from './entry-context.js';
import { transition } from './entry-transition.js';
import { entryRepository } from './entry.repository.js';
import { assertEditable } from './entry.service.js';

const SUBTITLE_MAX_BYTES = 2 * 1024 * 1024;

const badKind = () =>
  new DomainError('bad_request', 'upload_kind_invalid', {
    vi: 'Loại tệp tải lên không hợp lệ (video hoặc phụ đề).',
    en: 'The upload kind must be "original" (video) or "subtitle".',
  });

/** The entries module's side of resumable uploads: who may upload to which entry, and what happens after. */
export function entryUploadHooks(deps: Deps): UploadHooks {
  return {
    async authorize(request: FastifyRequest, meta): Promise<UploadTarget> {
      const auth = requireAuth(request);
      if (meta.kind !== 'original' && meta.kind !== 'subtitle') throw badKind();
      const ctx = await loadEntryContext(deps, auth.actor, meta.entryId);
      assertEntryAllowed(auth.actor, 'entry.edit', ctx);
      await assertEditable(deps, ctx);
      const rules = ctx.config.entryRules;
      return meta.kind === 'original'
        ? {
            entryId: ctx.entry.id,
            kind: 'original',
            maxBytes: rules.maxSizeBytes,
            allowedContainers: rules.allowedContainers,
            userId: auth.user.id,
          }
        : {
            entryId: ctx.entry.id,
            kind: 'subtitle',
            maxBytes: SUBTITLE_MAX_BYTES,
            allowedContainers: ['vtt', 'srt'],
            userId: auth.user.id,
          };
    },

    /**
     * Moves the file into storage, then records it, the entry's change and (for a returned entry's new video)
     * its return to the secretariat in one transaction. A retried finish finds its upload id and stops.
     */
    async complete(file: FinishedUpload): Promise<void> {
      const db = deps.db.kysely;
      if (await entryRepository.mediaByUpload(db, file.uploadId)) return;
      const entry = await entryRepository.findById(db, file.entryId);
      if (!entry) throw entryErrors.notFound();
      const key = `entries/${entry.id}/${file.kind}-${file.uploadId}.${file.container}`;
      await deps.storage.putFile(key, file.path);
      const owner = await db
        .selectFrom('users')
        .select('id')
        .where('id', '=', entry.created_by)
        .executeTakeFirst();
      const actor = {
        userId: owner?.id ?? entry.created_by,
        assignments: [
          {
            role: 'team' as const,
            contestId: entry.contest_id,
            roundKey: null,
            orgUnitId: entry.org_unit_id,
          },
        ],
      };
      await inTransaction(deps, async (trx) => {
        if (await entryRepository.mediaByUpload(trx, file.uploadId)) return;
        const mediaId = newId();
        await entryRepository.insertMedia(trx, {
          id: mediaId,
          entry_id: entry.id,
          upload_id: file.uploadId,
          kind: file.kind,
          storage_key: key,
          filename: file.filename.slice(0, 255),
          container: file.container,
          size_bytes: file.size,
          sha256: file.sha256,
          created_by: actor.userId,
          created_at: nowIso(deps.clock),
        });
        await enqueueMediaProcessing(trx, deps, { mediaId, entryId: entry.id, kind: file.kind });
        const ctx = await loadEntryContext(deps, actor, entry.id, trx);
        const column =
          file.kind === 'original' ? { original_media_id: mediaId } : { subtitle_media_id: mediaId };
        await recordAudit(trx, deps, {
          actorUserId: actor.userId,
          action: `entry.${file.kind}_uploaded`,
          subjectType: 'entry',
          subjectId: entry.id,
          contestId: entry.contest_id,
          data: { uploadId: file.uploadId, sha256: file.sha256, size: file.size, container: file.container },
        });
        if (ctx.entry.status === 'returned' && file.kind === 'original')
          await transition(trx, deps, ctx, actor.userId, ['resubmit'], {
            patch: { ...column, fix_deadline: null },
          });
        else if (
          !(await entryRepository.update(
            trx,
            entry.id,
            { version: ctx.entry.version },
            { ...column, updated_at: nowIso(deps.clock) },
          ))
        )
          throw entryErrors.versionConflict();
      });
      await flushEmails(deps, { entryId: entry.id });
    },
  };
}

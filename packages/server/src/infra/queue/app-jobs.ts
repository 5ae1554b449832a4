import { z } from 'zod';
import { defineJobs } from './job-catalog.js';

/**
 * Every job the app enqueues, by name, with its payload. Services import only this (no handlers), so
 * `appJobs.enqueue(trx, deps, 'notifications.flush', { … })` is type-checked without an import cycle;
 * the handlers live in app-worker.ts. Add a job here and the compiler asks for its handler there.
 */
export const appJobs = defineJobs({
  /** Sends waiting notification emails (only those about one entry when `entryId` is given). */
  'notifications.flush': {
    payload: z.object({ entryId: z.string().optional() }),
    maxAttempts: 3,
  },
  /** Media pipeline (modules/media): report, renditions, subtitle conversion of one uploaded file. */
  'media.analyze': { payload: z.object({ mediaId: z.string() }), maxAttempts: 3 },
  'media.transcode': { payload: z.object({ mediaId: z.string() }), maxAttempts: 3 },
  'media.subtitle': { payload: z.object({ mediaId: z.string() }), maxAttempts: 3 },
});

export type AppJobs = (typeof appJobs)['definitions'];

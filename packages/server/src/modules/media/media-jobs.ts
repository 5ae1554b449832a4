import type { Deps } from '../../infra/context.js';
import type { AppJobs } from '../../infra/queue/app-jobs.js';
import type { JobHandlers } from '../../infra/queue/job-catalog.js';
import { analyzeMedia, convertSubtitle, transcodeMedia } from './media-pipeline.service.js';

/** The media jobs' handlers (spread into app-worker.ts); each is safe to run again. */
export function mediaJobHandlers(
  deps: Deps,
): Pick<JobHandlers<AppJobs>, 'media.analyze' | 'media.transcode' | 'media.subtitle'> {
  return {
    'media.analyze': ({ payload, signal }) => analyzeMedia(deps, payload.mediaId, signal),
    'media.transcode': ({ payload, signal }) => transcodeMedia(deps, payload.mediaId, signal),
    'media.subtitle': ({ payload }) => convertSubtitle(deps, payload.mediaId),
  };
}

import { z } from 'zod';

const localized = z.object({ vi: z.string(), en: z.string() });
const stretch = z.object({ start: z.number(), end: z.number() });

export const technicalReportSchema = z
  .object({
    status: z.enum(['ok', 'unreadable']),
    container: z.string().nullable(),
    videoCodec: z.string().nullable(),
    audioCodec: z.string().nullable(),
    durationSeconds: z.number().nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    aspectRatio: z.string().nullable(),
    rotation: z.number(),
    frameRate: z.number().nullable(),
    variableFrameRate: z.boolean(),
    hasAudio: z.boolean(),
    integratedLufs: z.number().nullable(),
    truePeakDb: z.number().nullable(),
    blackStretches: z.array(stretch),
    silentStretches: z.array(stretch),
    findings: z.array(
      z.object({ code: z.string(), severity: z.enum(['hard', 'soft', 'info']), message: localized }),
    ),
  })
  .meta({ id: 'TechnicalReport' });

const urls = z.object({
  hlsUrl: z.string().nullable(),
  mp4Url: z.string().nullable(),
  posterUrl: z.string().nullable(),
  thumbnailsUrl: z.string().nullable(),
});

export const entryMediaStatusSchema = z
  .object({
    processingAvailable: z.boolean(),
    original: z
      .object({
        status: z
          .string()
          .describe(
            'queued | analyzing | analyzed | transcoding | ready | unreadable | failed | unavailable',
          ),
        progress: z.number().int().min(0).max(100),
        report: technicalReportSchema.nullable(),
        urls: urls.nullable(),
        width: z.number().int().nullable(),
        height: z.number().int().nullable(),
      })
      .nullable(),
    subtitle: z.object({ status: z.string(), url: z.string().nullable() }).nullable(),
    blocking: z.array(z.object({ code: z.string(), message: localized })),
  })
  .meta({ id: 'EntryMediaStatus' });

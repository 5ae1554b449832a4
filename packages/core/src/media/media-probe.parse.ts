/**
 * Pure readers of ffprobe's JSON and of the summaries ffmpeg's analysis filters print (ebur128,
 * blackdetect, silencedetect). No process is run here: the server feeds in what the tools printed.
 */

/** What a clip is, with rotation already applied to the display size. */
export interface ProbeFacts {
  /** ffprobe's `format_name`, e.g. `mov,mp4,m4a,3gp,3g2,mj2`. */
  formatName: string;
  durationSeconds: number;
  sizeBytes: number | null;
  bitRate: number | null;
  video: {
    codec: string;
    profile: string | null;
    pixelFormat: string | null;
    /** Coded size, before rotation. */
    codedWidth: number;
    codedHeight: number;
    /** Display size: coded size with a ±90° rotation applied. */
    width: number;
    height: number;
    rotation: number;
    frameRate: number | null;
    variableFrameRate: boolean;
  } | null;
  audio: { codec: string; channels: number; sampleRate: number | null } | null;
}

export interface AnalysisFacts {
  /** EBU R128 integrated loudness, LUFS (null without audio or when nothing was measured). */
  integratedLufs: number | null;
  /** True peak, dBTP (−Infinity for digital silence). */
  truePeakDb: number | null;
  blackStretches: Array<{ start: number; end: number }>;
  silentStretches: Array<{ start: number; end: number }>;
}

interface RawStream {
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  pix_fmt?: string;
  width?: number;
  height?: number;
  channels?: number;
  sample_rate?: string;
  r_frame_rate?: string;
  avg_frame_rate?: string;
  duration?: string;
  tags?: Record<string, string>;
  side_data_list?: Array<{ side_data_type?: string; rotation?: number }>;
  disposition?: { attached_pic?: number };
}

interface RawProbe {
  streams?: RawStream[];
  format?: { format_name?: string; duration?: string; size?: string; bit_rate?: string };
}

const num = (v: string | number | undefined): number | null => {
  if (v === undefined || v === '' || v === 'N/A') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
};

/** `30000/1001` → 29.97; `0/0` → null. */
export function parseRate(rate: string | undefined): number | null {
  if (!rate) return null;
  const [a, b] = rate.split('/').map(Number);
  if (a === undefined || !Number.isFinite(a)) return null;
  if (b === undefined) return a > 0 ? a : null;
  return b > 0 && a > 0 ? a / b : null;
}

/** Degrees in [0, 360): display-matrix side data (ffmpeg ≥ 5) or the older `rotate` tag. */
function rotationOf(s: RawStream): number {
  const side = s.side_data_list?.find((d) => typeof d.rotation === 'number')?.rotation;
  const tag = num(s.tags?.rotate);
  const r = side ?? tag ?? 0;
  return ((Math.round(r) % 360) + 360) % 360;
}

export class ProbeParseError extends Error {
  override name = 'ProbeParseError';
}

/** ffprobe `-show_format -show_streams -print_format json` output → facts; throws when it is not that. */
export function parseProbe(json: string): ProbeFacts {
  let raw: RawProbe;
  try {
    raw = JSON.parse(json) as RawProbe;
  } catch {
    throw new ProbeParseError('ffprobe output is not JSON');
  }
  if (!raw.format) throw new ProbeParseError('ffprobe found no container');
  const streams = raw.streams ?? [];
  const v = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const a = streams.find((s) => s.codec_type === 'audio');
  const duration = num(raw.format.duration) ?? num(v?.duration) ?? num(a?.duration) ?? 0;
  let video: ProbeFacts['video'] = null;
  if (v && v.width && v.height) {
    const rotation = rotationOf(v);
    const swap = rotation === 90 || rotation === 270;
    const rFrame = parseRate(v.r_frame_rate);
    const avg = parseRate(v.avg_frame_rate);
    video = {
      codec: v.codec_name ?? 'unknown',
      profile: v.profile ?? null,
      pixelFormat: v.pix_fmt ?? null,
      codedWidth: v.width,
      codedHeight: v.height,
      width: swap ? v.height : v.width,
      height: swap ? v.width : v.height,
      rotation,
      frameRate: avg ?? rFrame,
      // The container's nominal rate and the real average differ by more than rounding: frames are unevenly
      // spaced (phones recording in low light do this), which some players and editors stumble on.
      variableFrameRate: rFrame !== null && avg !== null && Math.abs(rFrame - avg) / rFrame > 0.01,
    };
  }
  return {
    formatName: raw.format.format_name ?? 'unknown',
    durationSeconds: duration,
    sizeBytes: num(raw.format.size),
    bitRate: num(raw.format.bit_rate),
    video,
    audio: a
      ? { codec: a.codec_name ?? 'unknown', channels: a.channels ?? 0, sampleRate: num(a.sample_rate) }
      : null,
  };
}

const dbValue = (s: string | undefined): number | null => {
  if (s === undefined) return null;
  if (/^-inf/i.test(s)) return -Infinity;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
};

/** Reads the ebur128 summary and the black/silence detections out of ffmpeg's stderr. */
export function parseAnalysis(stderr: string, durationSeconds: number): AnalysisFacts {
  // Only the final summary counts: per-frame lines also contain "I:".
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  const hasSummary = stderr.includes('Summary:');
  const integrated = hasSummary ? /I:\s+(-?[\d.]+|-inf)\s+LUFS/.exec(summary)?.[1] : undefined;
  const peak = hasSummary ? /Peak:\s+(-?[\d.]+|-inf)\s+dBFS/.exec(summary)?.[1] : undefined;
  const black = [...stderr.matchAll(/black_start:\s*([\d.]+)\s+black_end:\s*([\d.]+)/g)].map((m) => ({
    start: Number(m[1]),
    end: Number(m[2]),
  }));
  const silent: Array<{ start: number; end: number }> = [];
  let open: number | null = null;
  for (const m of stderr.matchAll(/silence_(start|end):\s*(-?[\d.]+)/g)) {
    const t = Math.max(0, Number(m[2]));
    if (m[1] === 'start') open = t;
    else if (open !== null) {
      silent.push({ start: open, end: t });
      open = null;
    }
  }
  // Silence running to the end of the file has a start and no end.
  if (open !== null) silent.push({ start: open, end: durationSeconds });
  const lufs = dbValue(integrated);
  return {
    // ebur128 reports −70 LUFS (its gate) for silence: keep the figure, the rules decide what it means.
    integratedLufs: lufs === -Infinity ? -70 : lufs,
    truePeakDb: dbValue(peak),
    blackStretches: black,
    silentStretches: silent,
  };
}

import type { LocalizedText } from '../errors.js';
import type { AnalysisFacts, ProbeFacts } from './media-probe.parse.js';

/** The thresholds of the soft checks; a contest may override any of them in `entryRules.mediaChecks`. */
export interface MediaChecks {
  /** Integrated loudness below this is "too quiet" (EBU R128 broadcast target is −23 LUFS; web ≈ −14/−16). */
  minLufs: number;
  maxLufs: number;
  /** True peak above this risks clipping once encoded. */
  maxTruePeakDb: number;
  /** Black or silent stretches at least this long are pointed out. */
  maxBlackSeconds: number;
  maxSilenceSeconds: number;
}

export const defaultMediaChecks: MediaChecks = {
  minLufs: -30,
  maxLufs: -9,
  maxTruePeakDb: -0.5,
  maxBlackSeconds: 3,
  maxSilenceSeconds: 5,
};

/** The part of a contest's entry rules the technical report checks. */
export interface MediaRuleInput {
  minDurationSeconds: number;
  maxDurationSeconds: number;
  minHeight?: number | undefined;
  mediaChecks?: Partial<MediaChecks> | undefined;
}

/** hard: blocks submission; soft: a warning the team should look at; info: worth knowing, nothing to fix. */
export type FindingSeverity = 'hard' | 'soft' | 'info';

export interface MediaFinding {
  code: string;
  severity: FindingSeverity;
  message: LocalizedText;
}

export interface TechnicalReport {
  /** `unreadable`: not a video ffmpeg can read (truncated, empty, not a video at all). */
  status: 'ok' | 'unreadable';
  container: string | null;
  videoCodec: string | null;
  audioCodec: string | null;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  aspectRatio: string | null;
  rotation: number;
  frameRate: number | null;
  variableFrameRate: boolean;
  hasAudio: boolean;
  integratedLufs: number | null;
  truePeakDb: number | null;
  blackStretches: Array<{ start: number; end: number }>;
  silentStretches: Array<{ start: number; end: number }>;
  findings: MediaFinding[];
}

/** 462 → "7:42"; 3725 → "1:02:05". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

const NAMED_RATIOS: Array<[string, number]> = [
  ['16:9', 16 / 9],
  ['9:16', 9 / 16],
  ['4:3', 4 / 3],
  ['3:4', 3 / 4],
  ['1:1', 1],
  ['21:9', 21 / 9],
  ['4:5', 4 / 5],
];

/** Display aspect ratio in the words people use ("16:9", "9:16"), else a decimal ratio. */
export function aspectRatioOf(width: number, height: number): string {
  const r = width / height;
  const named = NAMED_RATIOS.find(([, v]) => Math.abs(r - v) / v < 0.02);
  if (named) return named[0];
  return r >= 1 ? `${r.toFixed(2)}:1` : `1:${(1 / r).toFixed(2)}`;
}

/** The container as people name it, from ffprobe's format list. */
function containerName(formatName: string): string {
  if (formatName.startsWith('mov,mp4')) return 'mp4/mov';
  if (formatName.includes('matroska')) return 'mkv/webm';
  return formatName.split(',')[0] ?? formatName;
}

const CODEC_NAMES: Record<string, string> = {
  h264: 'H.264',
  hevc: 'H.265 (HEVC)',
  vp9: 'VP9',
  av1: 'AV1',
  aac: 'AAC',
  mp3: 'MP3',
  opus: 'Opus',
};
export const codecName = (c: string | null): string | null => (c ? (CODEC_NAMES[c] ?? c) : null);

const stretchText = (s: Array<{ start: number; end: number }>): string =>
  s.map((x) => `${formatDuration(x.start)}–${formatDuration(x.end)}`).join(', ');

/** A file that is not a readable video: the one hard finding that also stops transcoding. */
export function unreadableReport(): TechnicalReport {
  return {
    status: 'unreadable',
    container: null,
    videoCodec: null,
    audioCodec: null,
    durationSeconds: null,
    width: null,
    height: null,
    aspectRatio: null,
    rotation: 0,
    frameRate: null,
    variableFrameRate: false,
    hasAudio: false,
    integratedLufs: null,
    truePeakDb: null,
    blackStretches: [],
    silentStretches: [],
    findings: [
      {
        code: 'unreadable',
        severity: 'hard',
        message: {
          vi: 'Không đọc được tệp video (tệp hỏng, tải lên chưa hết, hoặc không phải video). Hãy tải lên lại.',
          en: 'The video file cannot be read (damaged, cut short, or not a video). Upload it again.',
        },
      },
    ],
  };
}

/** Everything the team, the secretariat and the jury need to know about the clip, checked against the rules. */
export function buildReport(
  probe: ProbeFacts,
  analysis: AnalysisFacts | null,
  rules: MediaRuleInput,
): TechnicalReport {
  if (!probe.video || probe.durationSeconds <= 0) return unreadableReport();
  const checks = { ...defaultMediaChecks, ...rules.mediaChecks };
  const v = probe.video;
  const d = probe.durationSeconds;
  const findings: MediaFinding[] = [];
  const add = (code: string, severity: FindingSeverity, vi: string, en: string) =>
    findings.push({ code, severity, message: { vi, en } });

  // Half a second of tolerance: containers round durations, and "7:00" must not fail a 7:00 limit.
  if (d > rules.maxDurationSeconds + 0.5) {
    const [got, max] = [formatDuration(d), formatDuration(rules.maxDurationSeconds)];
    add(
      'duration_too_long',
      'hard',
      `Thời lượng ${got} vượt giới hạn ${max}.`,
      `duration ${got} exceeds the ${max} limit.`,
    );
  }
  if (d + 0.5 < rules.minDurationSeconds) {
    const [got, min] = [formatDuration(d), formatDuration(rules.minDurationSeconds)];
    add(
      'duration_too_short',
      'hard',
      `Thời lượng ${got} ngắn hơn mức tối thiểu ${min}.`,
      `duration ${got} is shorter than the ${min} minimum.`,
    );
  }
  // "720p" means the short side for vertical clips too: a 720×1280 phone clip is 720p.
  const shortSide = Math.min(v.width, v.height);
  if (rules.minHeight && shortSide < rules.minHeight)
    add(
      'resolution_too_low',
      'hard',
      `Độ phân giải ${v.width}×${v.height} thấp hơn mức tối thiểu ${rules.minHeight}p.`,
      `resolution ${v.width}×${v.height} is below the ${rules.minHeight}p minimum.`,
    );
  if (!probe.audio) add('no_audio', 'soft', 'Video không có âm thanh.', 'The video has no sound.');
  if (analysis && probe.audio && analysis.integratedLufs !== null) {
    const lufs = analysis.integratedLufs;
    if (lufs < checks.minLufs)
      add(
        'too_quiet',
        'soft',
        `Âm thanh quá nhỏ: ${lufs.toFixed(1)} LUFS (nên từ ${checks.minLufs} đến ${checks.maxLufs} LUFS).`,
        `The sound is too quiet: ${lufs.toFixed(1)} LUFS (aim for ${checks.minLufs} to ${checks.maxLufs} LUFS).`,
      );
    else if (lufs > checks.maxLufs)
      add(
        'too_loud',
        'soft',
        `Âm thanh quá to: ${lufs.toFixed(1)} LUFS (nên từ ${checks.minLufs} đến ${checks.maxLufs} LUFS).`,
        `The sound is too loud: ${lufs.toFixed(1)} LUFS (aim for ${checks.minLufs} to ${checks.maxLufs} LUFS).`,
      );
    const peak = analysis.truePeakDb;
    if (peak !== null && peak > checks.maxTruePeakDb)
      add(
        'peak_clipping',
        'soft',
        `Đỉnh âm thanh ${peak.toFixed(1)} dBTP có thể bị rè (nên dưới ${checks.maxTruePeakDb} dBTP).`,
        `True peak ${peak.toFixed(1)} dBTP may distort (keep it below ${checks.maxTruePeakDb} dBTP).`,
      );
  }
  const longBlack = (analysis?.blackStretches ?? []).filter((s) => s.end - s.start >= checks.maxBlackSeconds);
  if (longBlack.length)
    add(
      'long_black',
      'soft',
      `Có đoạn màn hình đen dài: ${stretchText(longBlack)}.`,
      `Long black stretches: ${stretchText(longBlack)}.`,
    );
  const longSilence = probe.audio
    ? (analysis?.silentStretches ?? []).filter((s) => s.end - s.start >= checks.maxSilenceSeconds)
    : [];
  if (longSilence.length)
    add(
      'long_silence',
      'soft',
      `Có đoạn im lặng dài: ${stretchText(longSilence)}.`,
      `Long silent stretches: ${stretchText(longSilence)}.`,
    );
  if (v.variableFrameRate)
    add(
      'variable_frame_rate',
      'info',
      'Tốc độ khung hình thay đổi (thường gặp ở điện thoại); bản phát trên web được chuẩn hoá.',
      'Variable frame rate (common on phones); the web version is made constant.',
    );
  if (v.codec !== 'h264')
    add(
      'converted_codec',
      'info',
      `Mã hoá ${codecName(v.codec)} được chuyển sang H.264 để phát được trên mọi máy.`,
      `${codecName(v.codec)} video is converted to H.264 so that it plays everywhere.`,
    );
  return {
    status: 'ok',
    container: containerName(probe.formatName),
    videoCodec: v.codec,
    audioCodec: probe.audio?.codec ?? null,
    durationSeconds: Math.round(d * 100) / 100,
    width: v.width,
    height: v.height,
    aspectRatio: aspectRatioOf(v.width, v.height),
    rotation: v.rotation,
    frameRate: v.frameRate === null ? null : Math.round(v.frameRate * 100) / 100,
    variableFrameRate: v.variableFrameRate,
    hasAudio: probe.audio !== null,
    integratedLufs: analysis?.integratedLufs ?? null,
    truePeakDb: analysis?.truePeakDb === -Infinity ? null : (analysis?.truePeakDb ?? null),
    blackStretches: analysis?.blackStretches ?? [],
    silentStretches: analysis?.silentStretches ?? [],
    findings,
  };
}

export const hardFindings = (report: TechnicalReport): MediaFinding[] =>
  report.findings.filter((f) => f.severity === 'hard');

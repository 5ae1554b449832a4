/**
 * Pure builders of ffprobe / ffmpeg argument lists. The server's runner executes them; the benchmark runs
 * the very same lists through bare ffmpeg. Paths are POSIX (the server runs on Linux).
 */
import type { Rendition } from './media-ladder.rules.js';

const QUIET = ['-hide_banner', '-nostdin', '-y'];

/** ffprobe → JSON of the container and every stream (read by `parseProbe`). */
export function probeArgs(input: string): string[] {
  return ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', input];
}

/**
 * One decoding pass for everything measured: EBU R128 loudness with true peak, long black stretches (on a
 * tiny downscale, enough to see black) and long silences. The summaries land on stderr (`parseAnalysis`).
 */
export function analysisArgs(
  input: string,
  opts: { hasAudio: boolean; blackMinSeconds: number; silenceMinSeconds: number },
): string[] {
  const video = ['-map', '0:v:0', '-vf', `scale=64:-2,blackdetect=d=${opts.blackMinSeconds}:pix_th=0.10`];
  const audio = opts.hasAudio
    ? [
        '-map',
        '0:a:0',
        '-af',
        // framelog=verbose keeps the per-frame lines out of stderr; only the summary is printed.
        `ebur128=peak=true:framelog=verbose,silencedetect=n=-50dB:d=${opts.silenceMinSeconds}`,
      ]
    : [];
  return [...QUIET, '-nostats', '-loglevel', 'info', '-i', input, ...video, ...audio, '-f', 'null', '-'];
}

export interface TranscodePlan {
  input: string;
  /** Directory receiving web.mp4, poster.jpg, thumbs.jpg and hls/ (master.m3u8, <rung>/index.m3u8 + segments). */
  outDir: string;
  ladder: Rendition[];
  web: Rendition;
  durationSeconds: number;
  frameRate: number | null;
  hasAudio: boolean;
  /** x264 preset: `veryfast` in production, `ultrafast` in tests. */
  preset: string;
}

/** Seconds between forced keyframes: every rung cuts at the same instants, so segments align across rungs. */
export const KEYFRAME_SECONDS = 2;
export const SEGMENT_SECONDS = 6;
export const THUMBNAIL_COUNT = 10;
export const THUMBNAIL_HEIGHT = 90;

/** The files one transcode leaves in `outDir` (relative paths), the HLS segments aside. */
export function transcodeOutputs(plan: Pick<TranscodePlan, 'ladder'>): string[] {
  return [
    'web.mp4',
    'poster.jpg',
    'thumbs.jpg',
    'hls/master.m3u8',
    ...plan.ladder.map((r) => `hls/${r.name}/index.m3u8`),
  ];
}

/**
 * One ffmpeg run decoding the source once: the web MP4 (H.264/AAC, faststart), the poster, the thumbnail
 * strip (a sprite of THUMBNAIL_COUNT frames side by side) and the HLS ladder (~6 s segments on aligned
 * keyframes). ffmpeg's autorotation turns rotated phone clips upright, so vertical stays vertical.
 */
export function transcodeArgs(plan: TranscodePlan): string[] {
  const fps = Math.min(30, Math.round((plan.frameRate ?? 25) * 1000) / 1000) || 25;
  const d = Math.max(plan.durationSeconds, 0.1);
  const posterAt = Math.min(2, d / 3).toFixed(3);
  const thumbFps = (THUMBNAIL_COUNT / d).toFixed(6);
  const n = plan.ladder.length;
  const hlsLabels = plan.ladder.map((_, i) => `[h${i}]`).join('');
  const graph = [
    // A constant frame rate for every output: variable-rate phone clips stutter in some players.
    `[0:v:0]fps=${fps},split=${n + 3}[w][p][t]${hlsLabels}`,
    `[w]scale=${plan.web.width}:${plan.web.height},setsar=1,format=yuv420p[wv]`,
    `[p]trim=start=${posterAt},scale=${plan.web.width}:${plan.web.height},setsar=1[pv]`,
    `[t]fps=${thumbFps},scale=-2:${THUMBNAIL_HEIGHT},tile=${THUMBNAIL_COUNT}x1[tv]`,
    ...plan.ladder.map((r, i) => `[h${i}]scale=${r.width}:${r.height},setsar=1,format=yuv420p[h${i}v]`),
  ].join(';');
  const out = plan.outDir.replace(/\/+$/, '');
  const audio = (bitrate: number) => ['-c:a', 'aac', '-b:a', `${bitrate}k`, '-ac', '2'];
  const x264 = ['-c:v', 'libx264', '-preset', plan.preset, '-pix_fmt', 'yuv420p'];
  const web = [
    '-map',
    '[wv]',
    ...(plan.hasAudio ? ['-map', '0:a:0'] : []),
    ...x264,
    '-profile:v',
    'high',
    '-crf',
    '23',
    '-maxrate',
    `${plan.web.videoKbps * 1.5}k`,
    '-bufsize',
    `${plan.web.videoKbps * 3}k`,
    ...(plan.hasAudio ? audio(plan.web.audioKbps) : []),
    '-movflags',
    '+faststart',
    `${out}/web.mp4`,
  ];
  const stills = [
    ...['-map', '[pv]', '-frames:v', '1', '-q:v', '3', '-update', '1', `${out}/poster.jpg`],
    ...['-map', '[tv]', '-frames:v', '1', '-q:v', '5', '-update', '1', `${out}/thumbs.jpg`],
  ];
  const hlsMaps = plan.ladder.flatMap((_, i) => ['-map', `[h${i}v]`]);
  const hlsAudioMaps = plan.hasAudio ? plan.ladder.flatMap(() => ['-map', '0:a:0']) : [];
  const rates = plan.ladder.flatMap((r, i) => [
    `-b:v:${i}`,
    `${r.videoKbps}k`,
    `-maxrate:v:${i}`,
    `${Math.round(r.videoKbps * 1.07)}k`,
    `-bufsize:v:${i}`,
    `${r.videoKbps * 2}k`,
  ]);
  const streamMap = plan.ladder
    .map((r, i) => (plan.hasAudio ? `v:${i},a:${i},name:${r.name}` : `v:${i},name:${r.name}`))
    .join(' ');
  const hls = [
    ...hlsMaps,
    ...hlsAudioMaps,
    ...x264,
    '-profile:v',
    'main',
    '-sc_threshold',
    '0',
    '-force_key_frames',
    `expr:gte(t,n_forced*${KEYFRAME_SECONDS})`,
    ...rates,
    ...(plan.hasAudio ? audio(128) : []),
    ...['-f', 'hls', '-hls_time', String(SEGMENT_SECONDS), '-hls_playlist_type', 'vod'],
    ...['-hls_flags', 'independent_segments', '-hls_segment_filename', `${out}/hls/%v/seg_%03d.ts`],
    ...['-master_pl_name', 'master.m3u8', '-var_stream_map', streamMap, `${out}/hls/%v/index.m3u8`],
  ];
  return [
    ...QUIET,
    ...['-loglevel', 'error', '-nostats', '-progress', 'pipe:1'],
    '-i',
    plan.input,
    '-filter_complex',
    graph,
    ...web,
    ...stills,
    ...hls,
  ];
}

/** Reads the latest `out_time_us` (or `out_time_ms`, which ffmpeg also prints in µs) from `-progress` output. */
export function progressPercent(progressText: string, durationSeconds: number): number | null {
  const all = [...progressText.matchAll(/out_time_(?:us|ms)=(\d+)/g)];
  const last = all[all.length - 1]?.[1];
  if (last === undefined || durationSeconds <= 0) return null;
  const pct = (Number(last) / 1e6 / durationSeconds) * 100;
  return Math.max(0, Math.min(99, Math.floor(pct)));
}

/** SRT → WebVTT: the header, `,` → `.` in cue timings, cue numbers kept as identifiers. Pure text. */
export function srtToVtt(srt: string): string {
  const body = srt
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/(\d{2}:\d{2}:\d{2}),(\d{3})/g, '$1.$2')
    .trim();
  return `WEBVTT\n\n${body}\n`;
}

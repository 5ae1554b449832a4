import { execFile } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const FFMPEG = process.env.FFMPEG_PATH ?? '/usr/bin/ffmpeg';

/** The acceptance fixture set: each made at test time, small (320×180, a few seconds). */
export const clipKinds = [
  'normal',
  'vertical',
  'silent',
  'long',
  'quiet',
  'hevc',
  'vfr',
  'truncated',
  'empty',
  'text',
] as const;
export type ClipKind = (typeof clipKinds)[number];

const base = ['-hide_banner', '-loglevel', 'error', '-y'];
const h264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];
const video = (seconds: number, size = '320x180') => [
  '-f',
  'lavfi',
  '-i',
  `testsrc=duration=${seconds}:size=${size}:rate=25`,
];
const tone = (seconds: number, volume = 1) => [
  '-f',
  'lavfi',
  '-i',
  `sine=frequency=440:duration=${seconds},volume=${volume}`,
];

/** Writes the clip of this kind into `dir` and returns its path (every file is named `.mp4`). */
export async function makeClip(kind: ClipKind, dir: string): Promise<string> {
  const out = join(dir, `${kind}.mp4`);
  const ff = (args: string[]) => run(FFMPEG, [...base, ...args]);
  switch (kind) {
    case 'normal':
      await ff([...video(3), ...tone(3), ...h264, '-c:a', 'aac', '-shortest', out]);
      break;
    case 'vertical': {
      // A phone holds the sensor landscape and flags the clip as rotated: coded 320×180, shown 180×320.
      const flat = join(dir, 'vertical-flat.mp4');
      await ff([...video(3), ...tone(3), ...h264, '-c:a', 'aac', '-shortest', flat]);
      await ff(['-i', flat, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', out]);
      break;
    }
    case 'silent':
      await ff([...video(3), ...h264, out]);
      break;
    case 'long':
      // "Too long" against a test contest limit of 3 s, so the clip itself stays short.
      await ff([...video(5), ...tone(5), ...h264, '-c:a', 'aac', '-shortest', out]);
      break;
    case 'quiet':
      await ff([...video(3), ...tone(3, 0.003), ...h264, '-c:a', 'aac', '-shortest', out]);
      break;
    case 'hevc':
      await ff([
        ...video(3),
        ...tone(3),
        ...['-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error'],
        ...['-pix_fmt', 'yuv420p', '-tag:v', 'hvc1', '-c:a', 'aac', '-shortest', out],
      ]);
      break;
    case 'vfr':
      // Frames dropped unevenly with their timestamps kept: the average rate differs from the nominal one.
      await ff([
        ...video(3),
        ...tone(3),
        ...['-vf', "select='not(mod(n\\,3))+lt(t\\,1)'", '-fps_mode', 'vfr'],
        ...h264,
        ...['-c:a', 'aac', '-shortest', out],
      ]);
      break;
    case 'truncated': {
      // Without faststart the moov index is at the end: cutting the file in half loses it.
      await ff([...video(3), ...tone(3), ...h264, '-c:a', 'aac', '-shortest', out]);
      const size = Number(execFileSync('stat', ['-c', '%s', out]).toString().trim());
      truncateSync(out, Math.floor(size / 2));
      break;
    }
    case 'empty':
      writeFileSync(out, '');
      break;
    case 'text':
      writeFileSync(out, 'Đây không phải là video.\nThis is not a video.\n'.repeat(50));
      break;
  }
  return out;
}

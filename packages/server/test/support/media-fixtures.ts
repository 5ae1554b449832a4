import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian's ffmpeg (or FFMPEG_PATH), or null when the machine has none: the caller skips with a reason. */
export function ffmpegPath(): string | null {
  const candidate = process.env.FFMPEG_PATH ?? '/usr/bin/ffmpeg';
  return existsSync(candidate) ? candidate : null;
}

export interface TestMp4Options {
  seconds?: number;
  size?: string;
  /** An ffmpeg test source: `testsrc`, or `testsrc2` (moving, harder to encode: longer transcodes). */
  source?: 'testsrc' | 'testsrc2';
  name?: string;
}

/** A real H.264/AAC MP4 (test pattern and a sine tone; 10 s at 640×360 by default), written to `dir`. */
export async function makeTestMp4(ffmpeg: string, dir: string, opts: TestMp4Options = {}): Promise<string> {
  const { seconds = 10, size = '640x360', source = 'testsrc', name = `${source}-${seconds}s.mp4` } = opts;
  const out = join(dir, name);
  await run(ffmpeg, [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', `${source}=duration=${seconds}:size=${size}:rate=25`],
    ...['-f', 'lavfi', '-i', `sine=duration=${seconds}`],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', out],
  ]);
  return out;
}

/** An ISO-BMFF `ftyp` box declaring an ordinary MP4 (`isom`, compatible with `isom`, `avc1`, `mp41`). */
export function mp4Ftyp(): Buffer {
  const box = Buffer.alloc(28);
  box.writeUInt32BE(28, 0);
  box.write('ftypisom', 4, 'latin1');
  box.writeUInt32BE(0x200, 12);
  box.write('isomavc1mp41', 16, 'latin1');
  return box;
}

/** `size` bytes that sniff as MP4 and are random after the header: for cases where only bytes matter. */
export function mp4Like(size: number): Buffer {
  const head = mp4Ftyp();
  return Buffer.concat([head, randomBytes(size - head.length)]);
}

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';

export const ffmpegPath = [process.env.FFMPEG_PATH, '/usr/bin/ffmpeg'].find(
  (p): p is string => !!p && existsSync(p),
);

/**
 * A 10-second 720p H.264/AAC clip, made at test time. Noise keeps the encoder at its 8 Mbit/s, so the file
 * is about 10 MB: two 5 MB tus chunks, enough for an interruption to land in the middle of an upload.
 */
export function makeClip(): { path: string; size: number; sha256: string } {
  if (!ffmpegPath) throw new Error('ffmpeg is not installed (apt-get install ffmpeg)');
  const path = join(mkdtempSync(join(tmpdir(), 'clipcontest-clip-')), 'clip.mp4');
  execFileSync(
    ffmpegPath,
    [
      ...['-hide_banner', '-loglevel', 'error', '-y'],
      ...['-f', 'lavfi', '-i', 'testsrc=duration=10:size=1280x720:rate=25'],
      ...['-f', 'lavfi', '-i', 'sine=duration=10'],
      ...['-vf', 'noise=alls=40:allf=t', '-c:v', 'libx264', '-preset', 'ultrafast'],
      ...['-b:v', '8M', '-maxrate', '8M', '-bufsize', '8M', '-pix_fmt', 'yuv420p'],
      ...['-c:a', 'aac', '-shortest', path],
    ],
    { stdio: 'pipe' },
  );
  const bytes = readFileSync(path);
  return { path, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** A small file with the given content, in a fresh temp dir (a subtitle, or a fake "video"). */
export function makeFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'clipcontest-file-')), name);
  writeFileSync(path, content);
  return path;
}

const sessions = new WeakMap<Page, CDPSession>();

/**
 * Network conditions of one page through the DevTools protocol: an upload speed limit (null lifts it) and
 * going offline, as a phone losing its signal would. One session per page, so the last setting wins.
 */
export async function setNetwork(
  page: Page,
  opts: { uploadBytesPerSecond?: number | null; offline?: boolean },
): Promise<void> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    sessions.set(page, cdp);
  }
  await cdp.send('Network.emulateNetworkConditions', {
    offline: opts.offline ?? false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: opts.uploadBytesPerSecond ?? -1,
  });
}

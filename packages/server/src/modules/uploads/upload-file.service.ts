import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { SNIFF_HEAD_BYTES, sniffContainer, sniffSubtitle } from '@clipcontest/core';
import type { UploadKind } from './upload.hooks.js';

export async function readHead(path: string, bytes = SNIFF_HEAD_BYTES): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** What the file is, from its content alone: a video container for originals, a subtitle format otherwise. */
export async function sniffUpload(path: string, kind: UploadKind): Promise<string | null> {
  const head = await readHead(path);
  if (kind === 'original') return sniffContainer(head);
  // Not `fatal`: legacy subtitles are often Windows-1258, whose markers (digits, "-->") are still ASCII.
  return sniffSubtitle(new TextDecoder('utf-8').decode(head));
}

/** SHA-256 of a file, streamed in large reads so that a multi-gigabyte original costs no memory. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}

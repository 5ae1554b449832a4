import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Storage } from '../storage/storage.js';

/** Where media jobs work: one directory per media file, always removed when the job ends. */
export const MEDIA_WORK_ROOT = join(tmpdir(), 'clipcontest-media');

/**
 * A fresh, empty work directory for this media file. Its name is fixed per file, so what a killed worker
 * left behind is wiped by the next run (the queue's lease guarantees one run at a time per job).
 */
export async function freshWorkDir(mediaId: string): Promise<string> {
  const dir = join(MEDIA_WORK_ROOT, `job-${mediaId}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

export async function removeWorkDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/**
 * Moves every file of a finished job into storage under `prefix`, at keys that depend only on the source
 * and the pipeline version: a re-run overwrites the same keys, so there is only ever one set. Keys of an
 * earlier set that this run did not produce are deleted. Returns the relative paths and total size.
 */
export async function publishOutputs(
  storage: Storage,
  dir: string,
  prefix: string,
  previous: readonly string[] = [],
): Promise<{ files: string[]; bytes: number }> {
  const files = (await filesUnder(dir)).sort();
  const rel: string[] = [];
  let bytes = 0;
  for (const f of files) {
    const r = relative(dir, f).split('\\').join('/');
    bytes += (await stat(f)).size;
    await storage.putFile(`${prefix}/${r}`, f);
    rel.push(r);
  }
  const kept = new Set(rel);
  for (const old of previous) if (!kept.has(old)) await storage.delete(`${prefix}/${old}`);
  return { files: rel, bytes };
}

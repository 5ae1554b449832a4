import { useCallback, useEffect, useRef, useState } from 'react';
import * as tus from 'tus-js-client';
import { getCsrfToken } from '../../api/client';
import { currentLang } from '../../i18n/i18n';
import {
  classifyUploadError,
  isFinalFailure,
  shouldRetryUpload,
  SpeedMeter,
  type UploadFailure,
} from './upload-failure';

export type UploadKind = 'original' | 'subtitle';

export type UploadPhase =
  'idle' | 'starting' | 'uploading' | 'retrying' | 'paused' | 'offline' | 'done' | 'error';

export interface UploadState {
  phase: UploadPhase;
  filename: string | null;
  sent: number;
  total: number;
  /** Bytes per second, once known. */
  speed: number | null;
  secondsLeft: number | null;
  /** Where a resumed upload picked up (the server's offset), null for a fresh one. */
  resumedFrom: number | null;
  failure: UploadFailure | null;
}

const IDLE: UploadState = {
  phase: 'idle',
  filename: null,
  sent: 0,
  total: 0,
  speed: null,
  secondsLeft: null,
  resumedFrom: null,
  failure: null,
};

export const UPLOAD_ENDPOINT = '/api/uploads';
export const CHUNK_SIZE = 5 * 1024 * 1024;
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10000, 20000];

/** One stored fingerprint per entry, kind and file: the same clip sent to two entries never mixes. */
const fingerprintOf = (entryId: string, kind: UploadKind, file: File): string =>
  ['clipcontest', entryId, kind, file.name, file.size, file.lastModified].join(':');

/** Unfinished uploads this browser remembers for an entry (after a reload or a closed tab). */
export async function findUnfinished(entryId: string, kind: UploadKind): Promise<tus.PreviousUpload[]> {
  if (!tus.canStoreURLs) return [];
  const all = await tus.defaultOptions.urlStorage.findAllUploads();
  return all.filter((u) => u.metadata.entryId === entryId && u.metadata.kind === kind);
}

/** Forgets them: after a definitive refusal, or once another file for the same slot has arrived. */
export async function forgetUnfinished(entryId: string, kind: UploadKind): Promise<void> {
  const storage = tus.defaultOptions.urlStorage;
  for (const u of await findUnfinished(entryId, kind)) await storage.removeUpload(u.urlStorageKey);
}

const newest = (list: tus.PreviousUpload[]): tus.PreviousUpload | undefined =>
  [...list].sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];

/**
 * A resumable upload (tus) of one file to an entry: progress, speed, time left, failures classified, and
 * automatic resumption when the browser comes back online or the same file is chosen again after a reload.
 */
export function useTusUpload(entryId: string, kind: UploadKind, onDone: () => void) {
  const [state, setState] = useState<UploadState>(IDLE);
  const upload = useRef<tus.Upload | null>(null);
  const meter = useRef(new SpeedMeter());
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  }, [onDone]);

  // Back online: the same upload carries on from the server's offset.
  useEffect(() => {
    if (state.phase !== 'offline') return;
    const resume = () => {
      setState((s) => ({ ...s, phase: 'uploading', failure: null }));
      upload.current?.start();
    };
    window.addEventListener('online', resume);
    return () => window.removeEventListener('online', resume);
  }, [state.phase]);

  // Leaving the page stops the transfer; the stored fingerprint lets it resume later.
  useEffect(
    () => () => {
      void upload.current?.abort();
    },
    [],
  );

  const start = useCallback(
    async (file: File) => {
      await upload.current?.abort();
      meter.current.reset();
      setState({ ...IDLE, phase: 'starting', filename: file.name, total: file.size });
      const csrf = getCsrfToken();
      const u = new tus.Upload(file, {
        endpoint: UPLOAD_ENDPOINT,
        chunkSize: CHUNK_SIZE,
        retryDelays: RETRY_DELAYS,
        metadata: { entryId, kind, filename: file.name },
        headers: { ...(csrf ? { 'x-csrf-token': csrf } : {}), 'Accept-Language': currentLang() },
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        fingerprint: (f: File) => Promise.resolve(fingerprintOf(entryId, kind, f)),
        onAfterResponse: (req, res) => {
          if (req.getMethod() !== 'HEAD' || res.getStatus() !== 200) return;
          const offset = Number(res.getHeader('Upload-Offset'));
          if (Number.isFinite(offset))
            setState((s) => ({ ...s, resumedFrom: offset, sent: Math.max(s.sent, offset) }));
        },
        onProgress: (sent, total) => {
          meter.current.add(sent, Date.now());
          const speed = meter.current.speed();
          setState((s) => ({
            ...s,
            phase: 'uploading',
            sent,
            total,
            speed,
            secondsLeft: meter.current.secondsLeft(total - sent),
            failure: null,
          }));
        },
        onShouldRetry: (err) => {
          const failure = classifyUploadError(err);
          const retry = shouldRetryUpload(failure, navigator.onLine);
          if (retry) setState((s) => ({ ...s, phase: 'retrying', failure }));
          return retry;
        },
        onError: (err) => {
          const failure = classifyUploadError(err);
          const offline = failure.kind === 'network';
          if (isFinalFailure(failure)) void forgetUnfinished(entryId, kind);
          setState((s) => ({ ...s, phase: offline ? 'offline' : 'error', failure, speed: null }));
        },
        onSuccess: () => {
          setState((s) => ({
            ...s,
            phase: 'done',
            sent: s.total,
            speed: null,
            secondsLeft: 0,
            failure: null,
          }));
          void forgetUnfinished(entryId, kind).finally(() => done.current());
        },
      });
      upload.current = u;
      const previous = newest(await u.findPreviousUploads());
      if (previous) u.resumeFromPreviousUpload(previous);
      u.start();
    },
    [entryId, kind],
  );

  /** Try again after a failure (or right away while offline). */
  const retry = useCallback(() => {
    if (!upload.current) return;
    meter.current.reset();
    setState((s) => ({ ...s, phase: 'uploading', failure: null }));
    upload.current.start();
  }, []);

  const pause = useCallback(() => {
    void upload.current?.abort();
    setState((s) => ({ ...s, phase: 'paused', failure: null, speed: null }));
  }, []);

  const reset = useCallback(() => {
    void upload.current?.abort();
    upload.current = null;
    setState(IDLE);
  }, []);

  return { state, start, retry, pause, reset };
}

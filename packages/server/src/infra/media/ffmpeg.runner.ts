import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

export interface RunOptions {
  signal?: AbortSignal | undefined;
  timeoutMs: number;
  /** Called with each chunk of stdout (ffmpeg's `-progress pipe:1` writes key=value lines there). */
  onStdout?: ((chunk: string) => void) | undefined;
  /** Keep at most this much of stderr (analysis summaries are at the end). */
  maxStderrBytes?: number;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export class ToolError extends Error {
  override name = 'ToolError';
  constructor(
    message: string,
    readonly reason: 'exit' | 'timeout' | 'aborted' | 'spawn',
    readonly stderr = '',
  ) {
    super(message);
  }
}

/** Whether an executable is at this path: without ffmpeg the app runs and says processing is unavailable. */
export function toolAvailable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// The tool runs under a tiny sh guard in its own process group. The guard waits for the tool and, in a
// second branch, for its stdin (a pipe from this process) to close: if this Node process dies — even by
// SIGKILL, when no handler of ours can run — the pipe closes and the guard SIGKILLs the tool, so no
// ffmpeg outlives its worker. On timeout or abort we SIGKILL the whole group.
// (Background lists get /dev/null as stdin in a non-interactive shell, hence the copy of stdin on fd 3.)
const GUARD = [
  'exec 3<&0',
  '"$@" </dev/null 3<&- & child=$!',
  '( read -r _ignored <&3; kill -9 "$child" 2>/dev/null ) &',
  'watch=$!',
  'wait "$child"; status=$?',
  'kill "$watch" 2>/dev/null',
  'exit "$status"',
].join('\n');

/**
 * Runs ffmpeg or ffprobe with the given arguments (never through a shell's parsing: the arguments go to
 * `"$@"`). Resolves with the exit code and output; rejects with ToolError on timeout or abort (after the
 * process group is gone) or when the tool cannot be started.
 */
export function runTool(path: string, args: string[], opts: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new ToolError('aborted before start', 'aborted'));
    const child = spawn('/bin/sh', ['-c', GUARD, 'clipcontest-media', path, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const maxErr = opts.maxStderrBytes ?? 256 * 1024;
    let stdout = '';
    let stderr = '';
    let ended: 'timeout' | 'aborted' | null = null;
    const killGroup = () => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const onAbort = () => {
      ended ??= 'aborted';
      killGroup();
    };
    const timer = setTimeout(() => {
      ended ??= 'timeout';
      killGroup();
    }, opts.timeoutMs);
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      if (opts.onStdout) opts.onStdout(c);
      else if (stdout.length < 4 * 1024 * 1024) stdout += c;
    });
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
      if (stderr.length > maxErr * 2) stderr = stderr.slice(-maxErr);
    });
    // A closed stdin on our side is the guard's signal; errors writing to it are expected at exit.
    child.stdin.on('error', () => undefined);
    child.on('error', (e) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      reject(new ToolError(`cannot start ${path}: ${e.message}`, 'spawn'));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      child.stdin.destroy();
      if (ended) return reject(new ToolError(`${path} ${ended}`, ended, stderr.slice(-2000)));
      resolve({ code, stdout, stderr: stderr.slice(-maxErr) });
    });
  });
}

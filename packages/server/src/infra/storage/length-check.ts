import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';

/**
 * Counts the bytes passing through and, when an expected size is known, fails the stream as soon as the
 * count exceeds it or ends short of it. Failing *inside* the stream (rather than checking afterwards) means
 * a truncated body never gets published: the local temp file is not renamed, the S3 upload is aborted.
 */
export class LengthCheck extends Transform {
  bytes = 0;

  constructor(private readonly expected: number | undefined) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.expected !== undefined && this.bytes > this.expected) {
      callback(new Error(`body is longer than the declared size ${this.expected}`));
      return;
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.expected !== undefined && this.bytes !== this.expected) {
      callback(new Error(`body is ${this.bytes} bytes, declared size ${this.expected}`));
      return;
    }
    callback();
  }
}

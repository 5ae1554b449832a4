import { describe, expect, it } from 'vitest';
import { classifyUploadError, shouldRetryUpload, SpeedMeter } from './upload-failure';

const answered = (status: number, body = '') => ({
  originalResponse: { getStatus: () => status, getBody: () => body },
});

describe('upload failures', () => {
  it('reads no answer as a network loss', () => {
    expect(classifyUploadError(new Error('xhr error')).kind).toBe('network');
    expect(classifyUploadError(answered(0)).kind).toBe('network');
  });

  it('maps statuses to what a person can do about them', () => {
    expect(classifyUploadError(answered(413)).kind).toBe('too_large');
    expect(classifyUploadError(answered(415)).kind).toBe('wrong_type');
    expect(classifyUploadError(answered(409, 'Upload-Offset conflict')).kind).toBe('offset_mismatch');
    expect(classifyUploadError(answered(460)).kind).toBe('checksum');
    expect(classifyUploadError(answered(401)).kind).toBe('signed_out');
    expect(classifyUploadError(answered(403)).kind).toBe('forbidden');
    expect(classifyUploadError(answered(502)).kind).toBe('server');
    expect(classifyUploadError(answered(400)).kind).toBe('other');
  });

  it("keeps the server's own message and code", () => {
    const body = JSON.stringify({
      code: 'upload_too_large',
      message: 'x',
      messages: { vi: 'Tệp quá lớn: tối đa 2 GB.', en: 'The file is too large: at most 2 GB.' },
    });
    const f = classifyUploadError(answered(413, body));
    expect(f).toMatchObject({ kind: 'too_large', status: 413, code: 'upload_too_large' });
    expect(f.server?.vi).toContain('2 GB');
  });

  it('retries network loss, 5xx and offset mismatch while online, never a refusal', () => {
    const retry = (e: unknown, online = true) => shouldRetryUpload(classifyUploadError(e), online);
    expect(retry(new Error('x'))).toBe(true);
    expect(retry(new Error('x'), false)).toBe(false);
    expect(retry(answered(503))).toBe(true);
    expect(retry(answered(409, 'Upload-Offset conflict'))).toBe(true);
    expect(
      retry(answered(409, JSON.stringify({ code: 'upload_finished', messages: { vi: 'a', en: 'b' } }))),
    ).toBe(false);
    expect(retry(answered(413))).toBe(false);
    expect(retry(answered(403))).toBe(false);
  });
});

describe('speed meter', () => {
  it('measures over a sliding window and estimates the time left', () => {
    const m = new SpeedMeter(5000);
    m.add(0, 0);
    expect(m.speed()).toBeNull();
    m.add(1_000_000, 1000);
    expect(m.speed()).toBe(1_000_000);
    expect(m.secondsLeft(3_000_000)).toBe(3);
    for (let t = 2000; t <= 10_000; t += 1000) m.add(1_000_000 + (t - 1000) * 500, t);
    expect(m.speed()).toBeCloseTo(500_000, -3);
  });
});

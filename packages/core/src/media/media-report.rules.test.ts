import { describe, expect, it } from 'vitest';
import { parseAnalysis, parseProbe, parseRate, ProbeParseError } from './media-probe.parse.js';
import { aspectRatioOf, buildReport, formatDuration, hardFindings } from './media-report.rules.js';

const probeJson = (over: {
  width?: number;
  height?: number;
  rotation?: number;
  codec?: string;
  duration?: string;
  audio?: boolean;
  r?: string;
  avg?: string;
}) =>
  JSON.stringify({
    streams: [
      {
        codec_type: 'video',
        codec_name: over.codec ?? 'h264',
        width: over.width ?? 1920,
        height: over.height ?? 1080,
        r_frame_rate: over.r ?? '25/1',
        avg_frame_rate: over.avg ?? '25/1',
        ...(over.rotation !== undefined
          ? { side_data_list: [{ side_data_type: 'Display Matrix', rotation: over.rotation }] }
          : {}),
      },
      ...(over.audio === false
        ? []
        : [{ codec_type: 'audio', codec_name: 'aac', channels: 2, sample_rate: '48000' }]),
    ],
    format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: over.duration ?? '65.0', size: '1000' },
  });

const rules = { minDurationSeconds: 60, maxDurationSeconds: 420, minHeight: 720 };
const analysis = (o: Partial<ReturnType<typeof parseAnalysis>> = {}) => ({
  integratedLufs: -16,
  truePeakDb: -2,
  blackStretches: [],
  silentStretches: [],
  ...o,
});

describe('ffprobe parsing', () => {
  it('applies a ±90° rotation to the display size', () => {
    const p = parseProbe(probeJson({ width: 1920, height: 1080, rotation: -90 }));
    expect(p.video).toMatchObject({ width: 1080, height: 1920, rotation: 270, codedWidth: 1920 });
    expect(parseProbe(probeJson({ rotation: 180 })).video).toMatchObject({ width: 1920, height: 1080 });
  });
  it('reads rates and flags a variable frame rate', () => {
    expect(parseRate('30000/1001')).toBeCloseTo(29.97, 2);
    expect(parseRate('0/0')).toBeNull();
    expect(parseProbe(probeJson({ r: '30/1', avg: '24753/1000' })).video?.variableFrameRate).toBe(true);
    expect(parseProbe(probeJson({})).video?.variableFrameRate).toBe(false);
  });
  it('refuses what is not ffprobe JSON', () => {
    expect(() => parseProbe('moov atom not found')).toThrow(ProbeParseError);
    expect(() => parseProbe('{}')).toThrow(ProbeParseError);
  });
  it('reads the ebur128 summary and the detections', () => {
    const stderr = `[Parsed_ebur128_0 @ 0x1] t: 1 M: -20 S: -20 I: -5.0 LUFS
[blackdetect @ 0x2] black_start:0 black_end:4.04 black_duration:4.04
[silencedetect @ 0x3] silence_start: 1.5
[silencedetect @ 0x3] silence_end: 8.25 | silence_duration: 6.75
[silencedetect @ 0x3] silence_start: 20
[Parsed_ebur128_0 @ 0x1] Summary:

  Integrated loudness:
    I:         -41.3 LUFS
    Threshold: -51.8 LUFS

  True peak:
    Peak:      -inf dBFS`;
    expect(parseAnalysis(stderr, 30)).toEqual({
      integratedLufs: -41.3,
      truePeakDb: -Infinity,
      blackStretches: [{ start: 0, end: 4.04 }],
      silentStretches: [
        { start: 1.5, end: 8.25 },
        { start: 20, end: 30 },
      ],
    });
  });
});

describe('technical report', () => {
  it('formats durations and aspect ratios as people say them', () => {
    expect(formatDuration(462)).toBe('7:42');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(aspectRatioOf(1920, 1080)).toBe('16:9');
    expect(aspectRatioOf(1080, 1920)).toBe('9:16');
    expect(aspectRatioOf(1000, 300)).toBe('3.33:1');
  });
  it('passes a clip inside the rules with no finding', () => {
    const r = buildReport(parseProbe(probeJson({})), analysis(), rules);
    expect(r).toMatchObject({ status: 'ok', width: 1920, height: 1080, aspectRatio: '16:9', hasAudio: true });
    expect(r.findings).toEqual([]);
  });
  it('blocks a clip over the duration limit with a plain message in both languages', () => {
    const r = buildReport(parseProbe(probeJson({ duration: '462.2' })), analysis(), rules);
    expect(hardFindings(r).map((f) => f.message)).toEqual([
      { vi: 'Thời lượng 7:42 vượt giới hạn 7:00.', en: 'duration 7:42 exceeds the 7:00 limit.' },
    ]);
    // Container rounding does not fail a clip of exactly the limit.
    expect(
      hardFindings(buildReport(parseProbe(probeJson({ duration: '420.3' })), analysis(), rules)),
    ).toEqual([]);
  });
  it('measures resolution on the short side, so a vertical 720×1280 clip is 720p', () => {
    const vertical = buildReport(
      parseProbe(probeJson({ width: 1280, height: 720, rotation: 90 })),
      analysis(),
      rules,
    );
    expect(vertical).toMatchObject({ width: 720, height: 1280, aspectRatio: '9:16' });
    expect(hardFindings(vertical)).toEqual([]);
    const small = buildReport(parseProbe(probeJson({ width: 640, height: 360 })), analysis(), rules);
    expect(hardFindings(small).map((f) => f.code)).toEqual(['resolution_too_low']);
  });
  it('warns (soft) about no audio, quiet or clipping sound, black and silent stretches', () => {
    const quiet = buildReport(
      parseProbe(probeJson({})),
      analysis({ integratedLufs: -42, truePeakDb: 0.3 }),
      rules,
    );
    expect(quiet.findings.map((f) => [f.code, f.severity])).toEqual([
      ['too_quiet', 'soft'],
      ['peak_clipping', 'soft'],
    ]);
    const mute = buildReport(
      parseProbe(probeJson({ audio: false })),
      analysis({ integratedLufs: null }),
      rules,
    );
    expect(mute.findings.map((f) => f.code)).toEqual(['no_audio']);
    const gaps = buildReport(
      parseProbe(probeJson({})),
      analysis({ blackStretches: [{ start: 0, end: 4 }], silentStretches: [{ start: 10, end: 12 }] }),
      { ...rules, mediaChecks: { maxSilenceSeconds: 1 } },
    );
    expect(gaps.findings.map((f) => f.code)).toEqual(['long_black', 'long_silence']);
    expect(gaps.findings[0]?.message.en).toBe('Long black stretches: 0:00–0:04.');
  });
  it('notes HEVC and variable frame rate without blocking', () => {
    const r = buildReport(
      parseProbe(probeJson({ codec: 'hevc', r: '30/1', avg: '28/1' })),
      analysis(),
      rules,
    );
    expect(r.findings.map((f) => [f.code, f.severity])).toEqual([
      ['variable_frame_rate', 'info'],
      ['converted_codec', 'info'],
    ]);
  });
  it('calls a file without a video stream unreadable (hard)', () => {
    const audioOnly = JSON.stringify({ streams: [{ codec_type: 'audio' }], format: { duration: '3' } });
    const r = buildReport(parseProbe(audioOnly), null, rules);
    expect(r.status).toBe('unreadable');
    expect(hardFindings(r).map((f) => f.code)).toEqual(['unreadable']);
  });
});

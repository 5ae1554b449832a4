import { describe, expect, it } from 'vitest';
import { analysisArgs, progressPercent, srtToVtt, transcodeArgs, transcodeOutputs } from './ffmpeg-args.js';
import { renditionLadder, webRendition } from './media-ladder.rules.js';

describe('rendition ladder', () => {
  it('never upscales and keeps vertical clips vertical', () => {
    expect(renditionLadder(1920, 1080).map((r) => [r.name, r.width, r.height])).toEqual([
      ['360p', 640, 360],
      ['720p', 1280, 720],
      ['1080p', 1920, 1080],
    ]);
    expect(renditionLadder(1280, 720).map((r) => r.name)).toEqual(['360p', '720p']);
    expect(renditionLadder(720, 1280).map((r) => [r.name, r.width, r.height])).toEqual([
      ['360p', 360, 640],
      ['720p', 720, 1280],
    ]);
    expect(renditionLadder(320, 180).map((r) => [r.name, r.width, r.height])).toEqual([['180p', 320, 180]]);
    expect(webRendition(3840, 2160).name).toBe('1080p');
  });
});

describe('ffmpeg arguments', () => {
  const plan = {
    input: '/in/clip.mov',
    outDir: '/out/',
    ladder: renditionLadder(1280, 720),
    web: webRendition(1280, 720),
    durationSeconds: 20,
    frameRate: 29.97,
    hasAudio: true,
    preset: 'veryfast',
  };
  it('measures loudness with true peak, black and silence in one pass; no audio filters without audio', () => {
    const a = analysisArgs('/in/x.mp4', { hasAudio: true, blackMinSeconds: 2, silenceMinSeconds: 3 });
    expect(a.join(' ')).toContain('ebur128=peak=true');
    expect(a.join(' ')).toContain('blackdetect=d=2');
    expect(a.join(' ')).toContain('silencedetect=n=-50dB:d=3');
    expect(
      analysisArgs('/in/x.mp4', { hasAudio: false, blackMinSeconds: 2, silenceMinSeconds: 3 }),
    ).not.toContain('0:a:0');
  });
  it('makes a faststart MP4, aligned 6 s HLS segments for each rung, a poster and a strip in one run', () => {
    const args = transcodeArgs(plan);
    const s = args.join(' ');
    expect(s).toContain('-movflags +faststart /out/web.mp4');
    expect(s).toContain('-force_key_frames expr:gte(t,n_forced*2)');
    expect(s).toContain('-sc_threshold 0');
    expect(s).toContain('-hls_time 6');
    expect(args[args.indexOf('-var_stream_map') + 1]).toBe('v:0,a:0,name:360p v:1,a:1,name:720p');
    expect(s).toContain('-progress pipe:1');
    expect(transcodeOutputs(plan)).toContain('hls/720p/index.m3u8');
    const mute = transcodeArgs({ ...plan, hasAudio: false });
    expect(mute).not.toContain('0:a:0');
    expect(mute[mute.indexOf('-var_stream_map') + 1]).toBe('v:0,name:360p v:1,name:720p');
  });
  it('reads progress from -progress output, never 100 before the end', () => {
    expect(progressPercent('frame=10\nout_time_us=6400000\nprogress=continue\n', 10)).toBe(64);
    expect(progressPercent('out_time_us=20000000\n', 10)).toBe(99);
    expect(progressPercent('frame=1\n', 10)).toBeNull();
  });
  it('converts SRT to WebVTT', () => {
    const srt =
      '\uFEFF1\r\n00:00:01,000 --> 00:00:02,500\r\nXin chào\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nTạm biệt\r\n';
    expect(srtToVtt(srt)).toBe(
      'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\nXin chào\n\n2\n00:00:03.000 --> 00:00:04.000\nTạm biệt\n',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { sniffContainer, sniffSubtitle } from './media-sniff.rules.js';

const text = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const u32 = (n: number): number[] => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const pad = (bytes: number[], length = 64): Uint8Array => {
  const out = new Uint8Array(Math.max(length, bytes.length));
  out.set(bytes);
  return out;
};

/** An ISO-BMFF `ftyp` box: size, "ftyp", major brand, minor version, compatible brands. */
const ftyp = (major: string, compatible: string[] = []): number[] => [
  ...u32(16 + 4 * compatible.length),
  ...text('ftyp'),
  ...text(major),
  ...u32(0x200),
  ...compatible.flatMap(text),
];

/** An EBML header holding EBMLVersion 1 and, when given, a DocType. */
const ebml = (docType?: string): number[] => {
  const children = [
    ...[0x42, 0x86, 0x81, 0x01], // EBMLVersion = 1
    ...(docType === undefined ? [] : [0x42, 0x82, 0x80 | docType.length, ...text(docType)]),
  ];
  return [0x1a, 0x45, 0xdf, 0xa3, 0x80 | children.length, ...children];
};

describe('sniffContainer', () => {
  it('tells MP4, M4V and QuickTime apart by the ftyp brand', () => {
    expect(sniffContainer(pad(ftyp('isom', ['isom', 'iso2', 'avc1', 'mp41'])))).toBe('mp4');
    expect(sniffContainer(pad(ftyp('mp42', ['mp42', 'isom'])))).toBe('mp4');
    expect(sniffContainer(pad(ftyp('M4V ', ['M4V ', 'M4A ', 'mp42'])))).toBe('m4v');
    expect(sniffContainer(pad(ftyp('qt  ', ['qt  '])))).toBe('mov');
  });

  it('falls back on the compatible brands when the major brand is a vendor’s own', () => {
    expect(sniffContainer(pad(ftyp('abcd', ['xyzw', 'isom'])))).toBe('mp4');
    expect(sniffContainer(pad(ftyp('abcd', ['isom', 'qt  '])))).toBe('mov');
    expect(sniffContainer(pad(ftyp('abcd', ['xyzw'])))).toBeNull();
  });

  it('refuses ISO-BMFF files that are audio or still images', () => {
    expect(sniffContainer(pad(ftyp('M4A ', ['M4A ', 'isom'])))).toBe('mp4'); // compatible with isom: a video player opens it
    expect(sniffContainer(pad(ftyp('M4A ', ['M4A '])))).toBeNull();
    expect(sniffContainer(pad(ftyp('heic', ['mif1', 'heic'])))).toBeNull();
  });

  it('recognises classic QuickTime files that open on an atom other than ftyp', () => {
    expect(sniffContainer(pad([...u32(8), ...text('wide'), ...u32(1000), ...text('mdat')]))).toBe('mov');
    expect(sniffContainer(pad([...u32(500), ...text('moov')]))).toBe('mov');
    expect(sniffContainer(pad([...u32(8), ...text('free'), ...ftyp('isom')]))).toBe('mp4');
  });

  it('reads the EBML DocType: WebM or Matroska', () => {
    expect(sniffContainer(pad(ebml('webm')))).toBe('webm');
    expect(sniffContainer(pad(ebml('matroska')))).toBe('mkv');
    expect(sniffContainer(pad(ebml()))).toBe('mkv'); // the specification's default DocType
    expect(sniffContainer(pad(ebml('other')))).toBeNull();
  });

  it('recognises AVI inside RIFF, but not other RIFF files', () => {
    expect(sniffContainer(pad([...text('RIFF'), ...u32(0x10000), ...text('AVI LIST')]))).toBe('avi');
    expect(sniffContainer(pad([...text('RIFF'), ...u32(0x10000), ...text('WAVEfmt ')]))).toBeNull();
  });

  it('refuses text, other binaries, truncated heads and empty input', () => {
    const notes = new TextEncoder().encode(
      'Ghi chú cuộc họp\nThis is not a video, whatever its name says.\n',
    );
    expect(sniffContainer(notes)).toBeNull();
    expect(sniffContainer(pad([0x89, ...text('PNG\r\n'), 0x1a, 0x0a]))).toBeNull();
    expect(sniffContainer(pad([0xff, 0xd8, 0xff, 0xe0]))).toBeNull();
    expect(sniffContainer(new Uint8Array(ftyp('isom').slice(0, 10)))).toBeNull();
    expect(sniffContainer(new Uint8Array(64))).toBeNull();
    expect(sniffContainer(new Uint8Array(0))).toBeNull();
  });
});

describe('sniffSubtitle', () => {
  it('recognises WebVTT by its signature, with or without a BOM', () => {
    expect(sniffSubtitle('WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào\n')).toBe('vtt');
    expect(sniffSubtitle('\uFEFFWEBVTT - Phụ đề tiếng Việt\r\n\r\n')).toBe('vtt');
    expect(sniffSubtitle('WEBVTT')).toBe('vtt');
    expect(sniffSubtitle('WEBVTTX\n')).toBeNull();
  });

  it('recognises SubRip by its first cue', () => {
    expect(sniffSubtitle('1\n00:00:01,000 --> 00:00:04,500\nXin chào các bạn\n\n2\n')).toBe('srt');
    expect(sniffSubtitle('\uFEFF\r\n1\r\n00:00:01,000 --> 00:00:04,500\r\nHello\r\n')).toBe('srt');
    expect(sniffSubtitle('1\n00:00:01.000 --> 00:00:04.500\nlenient dot separator\n')).toBe('srt');
  });

  it('refuses other text, binary data and empty input', () => {
    expect(sniffSubtitle('Just some notes about the clip.\n00:00:01 is where it starts.')).toBeNull();
    expect(sniffSubtitle('1\nnot a timestamp\n')).toBeNull();
    expect(sniffSubtitle('WEBVTT\0\0\0')).toBeNull();
    expect(sniffSubtitle('')).toBeNull();
  });
});

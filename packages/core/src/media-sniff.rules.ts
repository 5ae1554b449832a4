/**
 * What a file really is, from its first bytes. Uploads are judged by content, never by file name or the
 * browser's MIME guess: a renamed text file must not pass as a video.
 */
import type { VideoContainer } from './contest-config.constants.js';

export type SubtitleFormat = 'vtt' | 'srt';

/** Enough of the head of a file for every rule below (and what the upload module reads). */
export const SNIFF_HEAD_BYTES = 4096;

const ascii = (bytes: Uint8Array, start: number, length: number): string =>
  start + length > bytes.length ? '' : String.fromCharCode(...bytes.subarray(start, start + length));

// Arithmetic rather than bit operators: sizes of 2 GiB and more would come out negative.
const uint32 = (b: Uint8Array, at: number): number =>
  (b[at] ?? 0) * 0x1000000 + (b[at + 1] ?? 0) * 0x10000 + (b[at + 2] ?? 0) * 0x100 + (b[at + 3] ?? 0);

// ISO-BMFF brands. Audio-only (M4A, M4B) and still-image (HEIF, AVIF) brands are deliberately absent:
// they share the box format but are not videos.
const MOV_BRANDS = new Set(['qt  ']);
const M4V_BRANDS = new Set(['M4V ', 'M4VH', 'M4VP']);
const MP4_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'iso7',
  'iso8',
  'iso9',
  'mp41',
  'mp42',
  'mp71',
  'avc1',
  'hvc1',
  'dash',
  'mmp4',
  'MSNV',
  'NDAS',
  'XAVC',
  'f4v ',
  '3gp4',
  '3gp5',
  '3gp6',
  '3gp7',
  '3gp8',
  '3g2a',
  '3g2b',
  '3g2c',
]);

function containerOfBrand(brand: string): VideoContainer | null {
  if (MOV_BRANDS.has(brand)) return 'mov';
  if (M4V_BRANDS.has(brand)) return 'm4v';
  if (MP4_BRANDS.has(brand)) return 'mp4';
  return null;
}

function sniffFtyp(head: Uint8Array, at: number, size: number): VideoContainer | null {
  const major = containerOfBrand(ascii(head, at + 8, 4));
  if (major) return major;
  // An unknown major brand (a vendor's own) may still declare a known compatible brand; QuickTime first,
  // since an Apple file listing both is a .mov that players open as such.
  const end = Math.min(at + size, head.length);
  const compatible: VideoContainer[] = [];
  for (let i = at + 16; i + 4 <= end; i += 4) {
    const c = containerOfBrand(ascii(head, i, 4));
    if (c) compatible.push(c);
  }
  for (const pick of ['mov', 'm4v', 'mp4'] as const) if (compatible.includes(pick)) return pick;
  return null;
}

// Classic QuickTime files predate `ftyp` and open straight on one of these atoms.
const QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'pnot']);
const PADDING_ATOMS = new Set(['free', 'skip', 'wide']);

function sniffIsoBmff(head: Uint8Array): VideoContainer | null {
  let at = 0;
  // Walk past padding atoms until a box that decides; a few hops suffice in practice.
  for (let hops = 0; hops < 8 && at + 8 <= head.length; hops++) {
    const size = uint32(head, at);
    const type = ascii(head, at + 4, 4);
    // 0 = "to the end of the file", 1 = a 64-bit size follows; anything else below 8 is not a box.
    const validSize = size === 0 || size === 1 || size >= 8;
    if (!validSize) return null;
    if (type === 'ftyp') return size >= 16 ? sniffFtyp(head, at, size) : null;
    if (QUICKTIME_ATOMS.has(type)) return 'mov';
    if (!PADDING_ATOMS.has(type) || size < 8) return null;
    at += size;
  }
  return null;
}

/** Reads an EBML variable-length integer; `keepMarker` for element IDs, which keep their length bit. */
function readVint(b: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number } | null {
  const first = b[at];
  if (first === undefined || first === 0) return null;
  let length = 1;
  while (length <= 8 && (first & (0x80 >> (length - 1))) === 0) length++;
  if (length > 8 || at + length > b.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + (b[at + i] ?? 0);
  return { value, length };
}

const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];
const DOCTYPE_ID = 0x4282;

function sniffEbml(head: Uint8Array): VideoContainer | null {
  const header = readVint(head, 4, false);
  if (!header) return null;
  const start = 4 + header.length;
  const end = Math.min(start + header.value, head.length);
  for (let at = start; at < end;) {
    const id = readVint(head, at, true);
    if (!id) return null;
    const size = readVint(head, at + id.length, false);
    if (!size) return null;
    const body = at + id.length + size.length;
    if (id.value === DOCTYPE_ID) {
      const docType = ascii(head, body, size.value).replace(/\0+$/, '');
      if (docType === 'webm') return 'webm';
      if (docType === 'matroska') return 'mkv';
      return null;
    }
    at = body + size.value;
  }
  // The EBML specification's default DocType is "matroska".
  return end === start + header.value ? 'mkv' : null;
}

/** The video container of a file from its first bytes (at least 12; {@link SNIFF_HEAD_BYTES} is plenty). */
export function sniffContainer(head: Uint8Array): VideoContainer | null {
  if (head.length < 12) return null;
  if (EBML_MAGIC.every((byte, i) => head[i] === byte)) return sniffEbml(head);
  if (ascii(head, 0, 4) === 'RIFF') return ascii(head, 8, 4) === 'AVI ' ? 'avi' : null;
  return sniffIsoBmff(head);
}

const SRT_CUE =
  /^\d+[ \t]*\r?\n[ \t]*\d{1,3}:\d{2}:\d{2}[,.]\d{1,3}[ \t]*-->[ \t]*\d{1,3}:\d{2}:\d{2}[,.]\d{1,3}/;

/** The subtitle format of a text (its beginning is enough), or null when it is neither WebVTT nor SubRip. */
export function sniffSubtitle(text: string): SubtitleFormat | null {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // A NUL never occurs in a subtitle file: this is binary data decoded as text.
  if (body.includes('\0')) return null;
  // WebVTT: the signature, then a space, tab or line break (or nothing at all).
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(body)) return 'vtt';
  if (SRT_CUE.test(body.replace(/^\s+/, ''))) return 'srt';
  return null;
}

/** One HLS rung: `name` is what people call it ("720p"), width × height the output size (even numbers). */
export interface Rendition {
  name: string;
  width: number;
  height: number;
  videoKbps: number;
  audioKbps: number;
}

const RUNGS: Array<{ p: number; kbps: number }> = [
  { p: 360, kbps: 800 },
  { p: 720, kbps: 2800 },
  { p: 1080, kbps: 5000 },
];

const even = (n: number): number => Math.max(2, Math.round(n / 2) * 2);

/**
 * The HLS ladder for a clip of this display size: 360p / 720p / 1080p, only up to the source (never
 * upscaled), measured on the short side so that a vertical phone clip stays vertical (720p = 720×1280).
 * A source smaller than 360p gets one rung at its own size.
 */
export function renditionLadder(width: number, height: number): Rendition[] {
  const portrait = height > width;
  const short = Math.min(width, height);
  const long = Math.max(width, height);
  const size = (p: number) => {
    const other = even((long * p) / short);
    return portrait ? { width: p, height: other } : { width: other, height: p };
  };
  const fitting = RUNGS.filter((r) => r.p <= short);
  if (!fitting.length) {
    const p = even(short);
    return [{ name: `${p}p`, ...size(p), videoKbps: 500, audioKbps: 96 }];
  }
  return fitting.map((r) => ({ name: `${r.p}p`, ...size(r.p), videoKbps: r.kbps, audioKbps: 128 }));
}

/** The web MP4 is the ladder's top rung. */
export function webRendition(width: number, height: number): Rendition {
  const ladder = renditionLadder(width, height);
  const top = ladder[ladder.length - 1];
  if (!top) throw new Error('empty ladder');
  return top;
}

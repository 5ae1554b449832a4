/**
 * The one rounding rule of published results. Everything is computed at full double precision; a figure
 * is rounded only when it is written to the output.
 *
 * Rule: round to `RESULT_DECIMALS` (4) decimal places, half away from zero. A value whose ×10⁴ fraction
 * lies within `HALF_TOLERANCE` (10⁻⁹, i.e. 10⁻¹³ points) below one half counts as exactly one half, so that
 * binary floating-point noise (70.00004999999999 for 70.00005) never flips the published digit.
 * `-0` is written as `0`.
 */
export const RESULT_DECIMALS = 4;
const SCALE = 10 ** RESULT_DECIMALS;
const HALF_TOLERANCE = 1e-9;

export function roundResult(value: number): number {
  if (!Number.isFinite(value)) {
    throw new RangeError(`Cannot round a non-finite figure: ${String(value)}`);
  }
  const scaled = Math.abs(value) * SCALE;
  const whole = Math.floor(scaled);
  const rounded = (scaled - whole >= 0.5 - HALF_TOLERANCE ? whole + 1 : whole) / SCALE;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

import { DomainError } from '../errors.js';

/**
 * Money is integer VND everywhere. These rules format amounts the way Vietnamese administrative documents
 * print them: "20.000.000" with "." thousands, and the total in words ("Hai mươi triệu đồng chẵn").
 */

const MAX_VND = Number.MAX_SAFE_INTEGER;

/** Refuses anything that is not a non-negative safe integer: money never passes through floating point. */
export function assertVndAmount(amount: number, field = 'amountVnd'): void {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > MAX_VND)
    throw new DomainError('bad_request', 'invalid_amount', {
      vi: `Số tiền (${field}) phải là số nguyên không âm, tính bằng đồng.`,
      en: `The amount (${field}) must be a non-negative whole number of đồng.`,
    });
}

/** "20.000.000" (vi) — thousands separated by dots, no decimals. Negative amounts keep their sign. */
export function formatVndDigits(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const digits = Math.abs(Math.trunc(amount)).toString();
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
// Groups of three digits; past "tỷ" the scale repeats ("nghìn tỷ", "triệu tỷ", "tỷ tỷ").
const SCALES = ['', 'nghìn', 'triệu'];

/**
 * Reads a group of three digits. `full` is true when a higher group precedes this one, so "5" in
 * 1.005 reads "không trăm linh năm".
 */
function readTriple(n: number, full: boolean): string {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (hundreds > 0 || full) words.push(DIGITS[hundreds] ?? '', 'trăm');
  if (tens === 0) {
    if (units > 0 && (hundreds > 0 || full)) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(DIGITS[tens] ?? '', 'mươi');
  }
  if (units > 0) {
    if (units === 1 && tens > 1) words.push('mốt');
    else if (units === 5 && tens > 0) words.push('lăm');
    else if (units === 4 && tens > 1) words.push('tư');
    else words.push(DIGITS[units] ?? '');
  }
  return words.join(' ');
}

/** Reads a number below one billion (tỷ). `full` as in `readTriple`. */
function readBelowBillion(n: number, full: boolean): string {
  const groups = [Math.floor(n / 1_000_000), Math.floor((n % 1_000_000) / 1000), n % 1000];
  const words: string[] = [];
  let started = full;
  groups.forEach((g, i) => {
    if (g === 0) return;
    words.push(readTriple(g, started));
    const scale = SCALES[2 - i];
    if (scale) words.push(scale);
    started = true;
  });
  return words.join(' ');
}

/** A non-negative integer in Vietnamese words, lower case: 1.250.000 → "một triệu hai trăm năm mươi nghìn". */
export function numberInVietnameseWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`numberInVietnameseWords expects a non-negative safe integer, got ${n}`);
  if (n === 0) return 'không';
  const parts: string[] = [];
  // Split into billions (tỷ) recursively: 1.000.000.000.000 is "một nghìn tỷ".
  const billions = Math.floor(n / 1_000_000_000);
  const rest = n % 1_000_000_000;
  if (billions > 0) parts.push(numberInVietnameseWords(billions), 'tỷ');
  if (rest > 0) parts.push(readBelowBillion(rest, billions > 0));
  return parts.join(' ');
}

/**
 * The amount line of a document: "Hai mươi triệu đồng chẵn" for a round amount (no hundreds, tens or units of
 * đồng), "Một triệu hai trăm ba mươi nghìn năm trăm đồng" otherwise. Capitalised first letter.
 */
export function vndInWords(amount: number): string {
  assertVndAmount(amount);
  const words = numberInVietnameseWords(amount);
  const round = amount % 1000 === 0;
  const text = `${words} đồng${round && amount > 0 ? ' chẵn' : ''}`;
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** Sums integer VND amounts, refusing any non-integer and any total past the safe-integer range. */
export function sumVnd(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) {
    if (!Number.isSafeInteger(a)) throw new RangeError(`not an integer VND amount: ${a}`);
    total += a;
    if (!Number.isSafeInteger(total)) throw new RangeError('VND total overflows');
  }
  return total;
}

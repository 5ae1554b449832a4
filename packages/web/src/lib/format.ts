import type { Lang } from '../i18n/i18n';

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const pad = (n: number): string => String(n).padStart(2, '0');
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function render(p: Parts, lang: Lang): string {
  const time = `${pad(p.hour)}:${pad(p.minute)}`;
  if (lang === 'vi') return `${pad(p.day)}/${pad(p.month)}/${p.year} ${time}`;
  return `${p.day} ${MONTHS_EN[p.month - 1] ?? ''} ${p.year}, ${time}`;
}

/** Parses a contest-local wall time `YYYY-MM-DDTHH:mm[:ss]` without any time-zone conversion. */
export function parseLocal(value: string): Parts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
  };
}

/** A contest-local wall time: dd/mm/yyyy HH:mm in Vietnamese, "31 Aug 2023, 17:00" in English. */
export function formatLocalDateTime(value: string | null | undefined, lang: Lang): string {
  if (!value) return '';
  const p = parseLocal(value);
  return p ? render(p, lang) : value;
}

/** An ISO-8601 instant shown as wall time in `timeZone` (the contest's, by default Asia/Ho_Chi_Minh). */
export function formatInstant(iso: string, lang: Lang, timeZone = 'Asia/Ho_Chi_Minh'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    }).formatToParts(date);
  } catch {
    return iso;
  }
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return render(
    {
      year: get('year'),
      month: get('month'),
      day: get('day'),
      hour: get('hour') % 24,
      minute: get('minute'),
    },
    lang,
  );
}

export function formatNumber(n: number, lang: Lang, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits }).format(n);
}

/** Vietnamese đồng: "10.000.000 ₫" in vi, "10,000,000 VND" in en. */
export function formatVnd(n: number, lang: Lang): string {
  if (lang === 'vi') return `${formatNumber(n, 'vi', 0)} ₫`;
  return `${formatNumber(n, 'en', 0)} VND`;
}

/** 90 → "1:30", 3600 → "1:00:00". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h > 0 ? `${h}:${pad(m)}:${pad(r)}` : `${m}:${pad(r)}`;
}

export const BYTES_PER_MB = 1024 * 1024;

/** 2 147 483 648 → "2 GB"; 52 428 800 → "50 MB"; 30 000 → "30 KB" (binary units, as file managers show them). */
export function formatFileSize(bytes: number, lang: Lang): string {
  if (bytes < BYTES_PER_MB) return `${formatNumber(Math.ceil(bytes / 1024), lang, 0)} KB`;
  const mb = bytes / BYTES_PER_MB;
  return mb >= 1024 ? `${formatNumber(mb / 1024, lang, 1)} GB` : `${formatNumber(mb, lang, 1)} MB`;
}

/** An instant as contest-local wall time for a datetime-local input: `YYYY-MM-DDTHH:mm`. */
export function localInputValue(date: Date, timeZone = 'Asia/Ho_Chi_Minh'): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  return `${get('year')}-${pad(get('month'))}-${pad(get('day'))}T${pad(get('hour') % 24)}:${pad(get('minute'))}`;
}

/** A datetime-local value (`YYYY-MM-DDTHH:mm`) as the API's local time with seconds. */
export const withSeconds = (value: string): string => (value.length === 16 ? `${value}:00` : value);

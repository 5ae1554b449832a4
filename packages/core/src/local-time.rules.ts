/**
 * Local date-times in a contest's time zone, without any library: offsets come from Intl.DateTimeFormat,
 * so every IANA zone works, including zones with daylight-saving time.
 *
 * A local date-time is a string `YYYY-MM-DDTHH:mm:ss` with no offset: "this wall-clock time in the
 * contest's time zone".
 */

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/;
const MS_PER_DAY = 86_400_000;

/** The parts of a local date-time, all numbers. */
export interface LocalDateTimeParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Parses `YYYY-MM-DDTHH:mm:ss`; `null` when the shape is wrong or the calendar date does not exist. */
export function parseLocalDateTime(local: string): LocalDateTimeParts | null {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day, hour, minute, second };
}

export const isLocalDateTime = (local: string): boolean => parseLocalDateTime(local) !== null;

export function formatLocalDateTime(p: LocalDateTimeParts): string {
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

function requireLocal(local: string): LocalDateTimeParts {
  const parts = parseLocalDateTime(local);
  if (!parts) throw new RangeError(`Not a local date-time (YYYY-MM-DDTHH:mm:ss): ${local}`);
  return parts;
}

/** Wall-clock milliseconds of a local date-time as if it were UTC. */
const wallMs = (p: LocalDateTimeParts): number =>
  Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone name the runtime knows (e.g. `Asia/Ho_Chi_Minh`, `Europe/Paris`). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!IANA_NAME.test(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallPartsAt(ms: number, timeZone: string): LocalDateTimeParts {
  const out: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') out[part.type] = Number(part.value);
  }
  return {
    year: out.year ?? 0,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: (out.hour ?? 0) % 24,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** The zone's offset from UTC at instant `ms`, in milliseconds (e.g. +25_200_000 for UTC+7). */
export function timeZoneOffsetMs(ms: number, timeZone: string): number {
  const wholeSecond = Math.floor(ms / 1000) * 1000;
  return wallMs(wallPartsAt(wholeSecond, timeZone)) - wholeSecond;
}

/**
 * The instant at which the wall clock of `timeZone` shows `local`.
 * Like Temporal's `compatible` disambiguation: in a backward transition (a local time that occurs twice)
 * the earlier instant wins; in a forward gap (a local time that never occurs) the time is moved forward
 * by the length of the gap (02:30 on a spring-forward night in Paris → 03:30 CEST).
 */
export function localToInstant(local: string, timeZone: string): Date {
  const wall = wallMs(requireLocal(local));
  const before = timeZoneOffsetMs(wall - MS_PER_DAY, timeZone);
  const after = timeZoneOffsetMs(wall + MS_PER_DAY, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((ms) => wallMs(wallPartsAt(ms, timeZone)) === wall)
    .sort((a, b) => a - b);
  const first = candidates[0];
  return new Date(first ?? wall - before);
}

/** The wall-clock time of `timeZone` at instant `d`, truncated to the second. */
export function instantToLocal(d: Date, timeZone: string): string {
  const ms = d.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return formatLocalDateTime(wallPartsAt(Math.floor(ms / 1000) * 1000, timeZone));
}

/** Adds whole calendar days to a local date-time (wall clock arithmetic; the time of day is kept). */
export function addDaysToLocal(local: string, days: number): string {
  const p = requireLocal(local);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day + days, p.hour, p.minute, p.second));
  return formatLocalDateTime({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  });
}

/** Whole calendar days from local date `from` to local date `to` (times of day ignored). */
export function daysBetweenLocalDates(from: string, to: string): number {
  const a = requireLocal(from);
  const b = requireLocal(to);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / MS_PER_DAY,
  );
}

/** Compares two local date-times as wall-clock times (<0, 0, >0). */
export function compareLocal(a: string, b: string): number {
  return wallMs(requireLocal(a)) - wallMs(requireLocal(b));
}

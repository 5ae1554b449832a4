import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDaysToLocal,
  compareLocal,
  daysBetweenLocalDates,
  instantToLocal,
  isLocalDateTime,
  isValidTimeZone,
  localToInstant,
  timeZoneOffsetMs,
} from './local-time.rules.js';

const HCM = 'Asia/Ho_Chi_Minh';
const PARIS = 'Europe/Paris';

describe('local date-time strings', () => {
  it('accepts only real calendar date-times in the exact format', () => {
    expect(isLocalDateTime('2023-08-31T23:59:59')).toBe(true);
    expect(isLocalDateTime('2024-02-29T00:00:00')).toBe(true);
    expect(isLocalDateTime('2023-02-29T00:00:00')).toBe(false);
    expect(isLocalDateTime('2023-13-01T00:00:00')).toBe(false);
    expect(isLocalDateTime('2023-08-31T24:00:00')).toBe(false);
    expect(isLocalDateTime('2023-08-31 23:59:59')).toBe(false);
    expect(isLocalDateTime('2023-08-31T23:59:59Z')).toBe(false);
    expect(isLocalDateTime('2023-08-31T23:59')).toBe(false);
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDaysToLocal('2023-08-31T23:59:59', 1)).toBe('2023-09-01T23:59:59');
    expect(addDaysToLocal('2023-12-31T08:00:00', 1)).toBe('2024-01-01T08:00:00');
    expect(addDaysToLocal('2024-03-01T00:00:00', -1)).toBe('2024-02-29T00:00:00');
    expect(daysBetweenLocalDates('2023-08-31T23:00:00', '2023-09-01T01:00:00')).toBe(1);
    expect(daysBetweenLocalDates('2023-09-10T00:00:00', '2023-07-10T23:59:59')).toBe(-62);
    expect(compareLocal('2023-08-31T23:59:59', '2023-09-01T00:00:00')).toBeLessThan(0);
  });

  it('knows IANA zones and refuses others', () => {
    expect(isValidTimeZone(HCM)).toBe(true);
    expect(isValidTimeZone(PARIS)).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('+07:00')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('localToInstant / instantToLocal', () => {
  it('uses the zone, not UTC: 2023-08-31T17:00:00Z is 1 Sep 00:00 in Ho Chi Minh City', () => {
    expect(instantToLocal(new Date('2023-08-31T17:00:00Z'), HCM)).toBe('2023-09-01T00:00:00');
    expect(instantToLocal(new Date('2023-08-31T16:59:59.999Z'), HCM)).toBe('2023-08-31T23:59:59');
    expect(localToInstant('2023-09-01T00:00:00', HCM).toISOString()).toBe('2023-08-31T17:00:00.000Z');
    expect(timeZoneOffsetMs(Date.UTC(2023, 7, 31), HCM)).toBe(7 * 3_600_000);
  });

  it('handles half-hour zones', () => {
    expect(localToInstant('2023-09-01T00:00:00', 'Asia/Kolkata').toISOString()).toBe(
      '2023-08-31T18:30:00.000Z',
    );
  });

  it('follows daylight-saving time in Paris', () => {
    expect(localToInstant('2024-01-15T12:00:00', PARIS).toISOString()).toBe('2024-01-15T11:00:00.000Z');
    expect(localToInstant('2024-07-15T12:00:00', PARIS).toISOString()).toBe('2024-07-15T10:00:00.000Z');
    // Spring forward 2024-03-31 02:00 → 03:00: 02:30 does not exist and moves forward to 03:30 CEST.
    expect(localToInstant('2024-03-31T01:59:59', PARIS).toISOString()).toBe('2024-03-31T00:59:59.000Z');
    expect(localToInstant('2024-03-31T02:30:00', PARIS).toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(localToInstant('2024-03-31T03:00:00', PARIS).toISOString()).toBe('2024-03-31T01:00:00.000Z');
    // Fall back 2024-10-27 03:00 → 02:00: 02:30 occurs twice, the earlier one wins.
    expect(localToInstant('2024-10-27T02:30:00', PARIS).toISOString()).toBe('2024-10-27T00:30:00.000Z');
    expect(instantToLocal(new Date('2024-10-27T01:30:00Z'), PARIS)).toBe('2024-10-27T02:30:00');
    expect(localToInstant('2024-10-27T03:00:00', PARIS).toISOString()).toBe('2024-10-27T02:00:00.000Z');
  });

  it('follows daylight-saving time in New York', () => {
    expect(localToInstant('2024-03-10T02:30:00', 'America/New_York').toISOString()).toBe(
      '2024-03-10T07:30:00.000Z',
    );
    expect(localToInstant('2024-11-03T01:30:00', 'America/New_York').toISOString()).toBe(
      '2024-11-03T05:30:00.000Z',
    );
  });

  it('round-trips any instant through local time (truncated to the second)', () => {
    const zones = [HCM, PARIS, 'America/New_York', 'Australia/Lord_Howe', 'UTC', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, zone) => {
          const local = instantToLocal(new Date(ms), zone);
          const back = localToInstant(local, zone);
          expect(instantToLocal(back, zone)).toBe(local);
          // Only an ambiguous (repeated) local time maps back to an earlier instant.
          expect(back.getTime()).toBeLessThanOrEqual(Math.floor(ms / 1000) * 1000);
          if (zone === HCM || zone === 'UTC') expect(back.getTime()).toBe(Math.floor(ms / 1000) * 1000);
        },
      ),
    );
  });
});

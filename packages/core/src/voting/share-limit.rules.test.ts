import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { assertDailyShareLimit, localDayOf } from './share-limit.rules.js';

describe('daily share limit', () => {
  it('takes the local day of the contest time zone (UTC+7: 23:30 UTC is already tomorrow)', () => {
    const day = localDayOf(new Date('2023-10-02T23:30:00Z'), 'Asia/Ho_Chi_Minh');
    expect(day.from.toISOString()).toBe('2023-10-02T17:00:00.000Z');
    expect(day.to.toISOString()).toBe('2023-10-03T17:00:00.000Z');
  });

  it('allows shares below the limit, refuses at the limit with a retry at local midnight', () => {
    const now = new Date('2023-10-03T16:00:00Z');
    const day = localDayOf(now, 'Asia/Ho_Chi_Minh');
    expect(() => assertDailyShareLimit(undefined, 99, now, day)).not.toThrow();
    expect(() => assertDailyShareLimit(3, 2, now, day)).not.toThrow();
    try {
      assertDailyShareLimit(3, 3, now, day);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('daily_share_limit');
      expect((e as DomainError).retryAfterSeconds).toBe(3600);
    }
  });
});

/**
 * The daily share limit per voter (`audienceFormula.dailyShareLimitPerVoter`): "a day" is the local
 * calendar day in the contest's time zone, because that is the day the voters and the organisers live in.
 */
import { DomainError } from '../errors.js';
import { addDaysToLocal, instantToLocal, localToInstant } from '../local-time.rules.js';

export interface LocalDay {
  /** Local midnight that starts the day, as an instant. */
  from: Date;
  /** The next local midnight (exclusive). */
  to: Date;
}

export function localDayOf(now: Date, timeZone: string): LocalDay {
  const midnight = `${instantToLocal(now, timeZone).slice(0, 10)}T00:00:00`;
  return {
    from: localToInstant(midnight, timeZone),
    to: localToInstant(addDaysToLocal(midnight, 1), timeZone),
  };
}

/** Refuses a new share when the voter already recorded `limit` shares this local day (429 until midnight). */
export function assertDailyShareLimit(
  limit: number | undefined,
  sharesToday: number,
  now: Date,
  day: LocalDay,
): void {
  if (limit === undefined || sharesToday < limit) return;
  throw new DomainError(
    'rate_limited',
    'daily_share_limit',
    {
      vi: `Bạn đã chia sẻ ${limit} lần trong hôm nay, mức tối đa cho mỗi người bình chọn. Hãy chia sẻ tiếp vào ngày mai.`,
      en: `You have recorded ${limit} shares today, the most one voter may record per day. Share again tomorrow.`,
    },
    { retryAfterSeconds: Math.max(1, Math.ceil((day.to.getTime() - now.getTime()) / 1000)) },
  );
}

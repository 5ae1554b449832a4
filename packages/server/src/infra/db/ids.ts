import { v7 } from 'uuid';

export const newId = (): string => v7();
export const nowIso = (clock: Clock): string => clock.now().toISOString();

/** Injectable time source: windows and expiries are always judged against this, never Date.now(). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

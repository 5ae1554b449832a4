/**
 * Where audience counts come from. The voting module (being built separately) will provide
 * `engagementAt(db, contestId, cutoffIso)`; until it is merged, nothing is recorded, so this reads nothing.
 * THE INTEGRATOR SWAPS THE IMPLEMENTATION HERE, in this one place.
 */
import type { ResultsEngagement } from '@clipcontest/core';
import type { Executor } from '../../infra/db/database.js';

export interface EngagementReader {
  /** Engagement per entry × source, counted up to `cutoffIso` (voided votes excluded). */
  engagementAt(db: Executor, contestId: string, cutoffIso: string): Promise<ResultsEngagement[]>;
}

export const recordedEngagement: EngagementReader = {
  engagementAt: () => Promise.resolve([]),
};

/**
 * Where audience counts come from: the voting module's ledger (native likes and shares, voided votes
 * excluded) and confirmed fanpage snapshots, cut off at the round's audience deadline. Results services take
 * the reader as a dependency so tests can feed known counts through the same interface.
 */
import type { ResultsEngagement } from '@clipcontest/core';
import type { Executor } from '../../infra/db/database.js';
import { engagementAt } from '../voting/engagement.service.js';

export interface EngagementReader {
  /** Engagement per entry × source, counted up to `cutoffIso` (voided votes excluded). */
  engagementAt(db: Executor, contestId: string, cutoffIso: string): Promise<ResultsEngagement[]>;
}

export const recordedEngagement: EngagementReader = { engagementAt };

/**
 * The database type, composed from one table file per feature under `tables/`. Table shapes are shared by
 * SQLite and PostgreSQL: timestamps are ISO-8601 UTC strings and booleans are 0/1 integers so that both
 * dialects read back exactly the same values. A new feature adds `tables/<feature>.tables.ts` and one line
 * here; its migration creates the tables with Kysely's schema builder only.
 */
import type { AccountsTables } from './tables/accounts.tables.js';
import type { AuditTables } from './tables/audit.tables.js';
import type { ContestsTables } from './tables/contests.tables.js';
import type { EntriesTables } from './tables/entries.tables.js';
import type { FanpageTables } from './tables/fanpage.tables.js';
import type { JudgingTables } from './tables/judging.tables.js';
import type { MediaTables } from './tables/media.tables.js';
import type { NotificationsTables } from './tables/notifications.tables.js';
import type { OrgUnitsTables } from './tables/org-units.tables.js';
import type { QueueTables } from './tables/queue.tables.js';
import type { SettingsTables } from './tables/settings.tables.js';
import type { TeamsTables } from './tables/teams.tables.js';
import type { VotingTables } from './tables/voting.tables.js';

export interface Database
  extends
    AccountsTables,
    AuditTables,
    ContestsTables,
    EntriesTables,
    FanpageTables,
    JudgingTables,
    MediaTables,
    NotificationsTables,
    OrgUnitsTables,
    QueueTables,
    SettingsTables,
    TeamsTables,
    VotingTables {}

export type * from './tables/accounts.tables.js';
export type * from './tables/audit.tables.js';
export type * from './tables/contests.tables.js';
export type * from './tables/entries.tables.js';
export type * from './tables/fanpage.tables.js';
export type * from './tables/judging.tables.js';
export type * from './tables/media.tables.js';
export type * from './tables/notifications.tables.js';
export type * from './tables/org-units.tables.js';
export type * from './tables/queue.tables.js';
export type * from './tables/settings.tables.js';
export type * from './tables/teams.tables.js';
export type * from './tables/voting.tables.js';

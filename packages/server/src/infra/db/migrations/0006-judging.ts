import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
type AnyDb = Kysely<any>;

/**
 * Jury scoring. A "panel" is one round of one contest at one scope: `pool` is the scope unit's id for a round
 * held per unit (a district's preliminary), or `contest` for a round held once overall.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('jury_panels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contest_id', 'text', (c) => c.notNull().references('contests.id'))
    .addColumn('round_key', 'text', (c) => c.notNull())
    .addColumn('pool', 'text', (c) => c.notNull())
    .addColumn('assignment_mode', 'text', (c) => c.notNull())
    .addColumn('judges_per_entry', 'integer')
    .addColumn('deviation_threshold', 'double precision', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('results_status', 'text', (c) => c.notNull())
    .addColumn('overrides_json', 'text', (c) => c.notNull())
    .addColumn('bundle_json', 'text')
    .addColumn('output_json', 'text')
    .addColumn('finalists_json', 'text')
    .addColumn('approved_by', 'text', (c) => c.references('users.id'))
    .addColumn('approved_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('jury_panels_scope_uq', ['contest_id', 'round_key', 'pool'])
    .execute();

  await db.schema
    .createTable('jury_judges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('panel_id', 'text', (c) => c.notNull().references('jury_panels.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('home_unit_id', 'text', (c) => c.references('org_units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('jury_judges_panel_user_uq', ['panel_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('jury_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('panel_id', 'text', (c) => c.notNull().references('jury_panels.id'))
    .addColumn('judge_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('entry_id', 'text', (c) => c.notNull().references('entries.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('jury_assignments_uq', ['panel_id', 'judge_user_id', 'entry_id'])
    .execute();

  await db.schema
    .createTable('jury_recusals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('panel_id', 'text', (c) => c.notNull().references('jury_panels.id'))
    .addColumn('judge_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('entry_id', 'text', (c) => c.notNull().references('entries.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('jury_recusals_uq', ['panel_id', 'judge_user_id', 'entry_id'])
    .execute();

  await db.schema
    .createTable('jury_sheets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('panel_id', 'text', (c) => c.notNull().references('jury_panels.id'))
    .addColumn('judge_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('entry_id', 'text', (c) => c.notNull().references('entries.id'))
    .addColumn('scores_json', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('jury_sheets_uq', ['panel_id', 'judge_user_id', 'entry_id'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const t of ['jury_sheets', 'jury_recusals', 'jury_assignments', 'jury_judges', 'jury_panels'])
    await db.schema.dropTable(t).ifExists().execute();
}

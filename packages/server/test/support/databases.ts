import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type DialectName = 'sqlite' | 'postgres';

/** Every integration suite runs once per dialect: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const dialects: DialectName[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

/** The shared database of a dialect; tests isolate themselves by creating unique data. */
export function sharedDatabaseUrl(dialect: DialectName): string {
  if (dialect === 'postgres') return process.env.TEST_DATABASE_URL ?? '';
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'clipcontest-test-')), 'test.db')}`;
}

/** A database nobody else writes to, for tests that tamper with global state such as the audit chain. */
export async function privateDatabaseUrl(
  dialect: DialectName,
): Promise<{ url: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') return { url: sharedDatabaseUrl('sqlite'), drop: () => Promise.resolve() };
  const base = new URL(process.env.TEST_DATABASE_URL ?? '');
  const name = `cc_private_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

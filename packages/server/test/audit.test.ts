import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/modules/audit/audit.service.js';
import { createUser } from '../src/modules/accounts/user.service.js';
import { dialects, privateDatabaseUrl } from './support/databases.js';
import { startHarness, unique, type Harness } from './support/harness.js';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/clipcontest.mjs', import.meta.url));

async function cliVerify(databaseUrl: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [BIN, 'audit', 'verify'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
    });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: `${err.stdout}${err.stderr}` };
  }
}

// Tampering needs a database nobody else appends to, so each dialect gets a private one here.
describe.each(dialects)('audit chain on %s', (dialect) => {
  let h: Harness;
  let db: { url: string; drop(): Promise<void> };
  const rows = () => h.deps.db.kysely.selectFrom('audit_log').selectAll().orderBy('seq').execute();

  beforeAll(async () => {
    db = await privateDatabaseUrl(dialect);
    h = await startHarness(dialect, { databaseUrl: db.url });
    for (let i = 0; i < 5; i++)
      await createUser(h.deps, null, {
        email: `${unique('a')}@x.vn`,
        name: `Người ${i}`,
        password: 'long enough pw',
      });
  });
  afterAll(async () => {
    await h.close();
    await db.drop();
  });

  it('writes one row per change, linked by hashes, and verifies from the CLI', async () => {
    const all = await rows();
    expect(all).toHaveLength(5);
    expect(all.every((r) => r.action === 'user.created')).toBe(true);
    expect(all[1]?.prev_hash).toBe(all[0]?.hash);
    expect(await verifyAuditChain(h.deps)).toEqual({ ok: true, rows: 5 });
    const cli = await cliVerify(db.url);
    expect(cli.code).toBe(0);
    expect(cli.out).toContain('audit chain OK: 5 rows');
  });

  it('names the row when one was edited', async () => {
    const target = (await rows())[2];
    const original = target?.data_json ?? '';
    await h.deps.db.kysely
      .updateTable('audit_log')
      .set({ data_json: original.replace('Người 2', 'Người X') })
      .where('seq', '=', 3)
      .execute();
    expect((await verifyAuditChain(h.deps)).firstBroken).toMatchObject({ seq: 3, problem: 'altered' });
    const cli = await cliVerify(db.url);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(`seq=3 id=${target?.id}`);
    await h.deps.db.kysely
      .updateTable('audit_log')
      .set({ data_json: original })
      .where('seq', '=', 3)
      .execute();
    expect((await verifyAuditChain(h.deps)).ok).toBe(true);
  });

  it('names the row after a deleted one', async () => {
    const saved = (await rows())[3];
    if (!saved) throw new Error('missing row');
    await h.deps.db.kysely.deleteFrom('audit_log').where('seq', '=', 4).execute();
    expect((await verifyAuditChain(h.deps)).firstBroken).toMatchObject({ seq: 5, problem: 'bad_sequence' });
    expect((await cliVerify(db.url)).code).toBe(1);
    await h.deps.db.kysely.insertInto('audit_log').values(saved).execute();
    expect((await verifyAuditChain(h.deps)).ok).toBe(true);
  });

  it('catches a swapped pair of rows', async () => {
    const [a, b] = (await rows()).slice(1, 3);
    if (!a || !b) throw new Error('missing rows');
    const { seq: _sa, ...restA } = a;
    const { seq: _sb, ...restB } = b;
    // Swap the contents of rows 2 and 3 while keeping their sequence numbers (ids must stay unique).
    await h.deps.db.kysely.transaction().execute(async (trx) => {
      await trx.updateTable('audit_log').set({ id: 'tmp' }).where('seq', '=', 2).execute();
      await trx.updateTable('audit_log').set(restA).where('seq', '=', 3).execute();
      await trx.updateTable('audit_log').set(restB).where('seq', '=', 2).execute();
    });
    const verdict = await verifyAuditChain(h.deps);
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBroken?.seq).toBe(2);
    expect((await cliVerify(db.url)).code).toBe(1);
  });

  it('keeps the chain linear under concurrent writers', async () => {
    await h.deps.db.kysely.deleteFrom('audit_log').execute();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createUser(h.deps, null, {
          email: `${unique('c')}${i}@x.vn`,
          name: `C ${i}`,
          password: 'long enough pw',
        }),
      ),
    );
    expect(await verifyAuditChain(h.deps)).toEqual({ ok: true, rows: 20 });
    const count = await sql<{ n: number }>`select count(*) as n from audit_log`.execute(h.deps.db.kysely);
    expect(Number(count.rows[0]?.n)).toBe(20);
  });
});

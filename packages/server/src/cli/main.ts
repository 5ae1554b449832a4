import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isDomainError, roles, type Role } from '@clipcontest/core';
import { loadConfig, type AppConfig } from '../infra/config/config.js';
import { createDeps } from '../runtime.js';
import { serve } from '../server.js';
import { runWorker } from '../infra/queue/run-worker.js';
import { verifyAuditChain } from '../modules/audit/audit.service.js';
import { runRecount } from '../modules/voting/recount.command.js';
import { formatDemoBanner, seedDemo } from '../modules/demo/demo.service.js';
import { importOrgUnits } from '../modules/org-units/org-unit.service.js';
import { orgUnitRepository } from '../modules/org-units/org-unit.repository.js';
import { contestRepository } from '../modules/contests/contest.repository.js';
import { accountRepository } from '../modules/accounts/account.repository.js';
import { assignRole, createUser } from '../modules/accounts/user.service.js';
import { changeSetting } from '../modules/settings/setting.service.js';
import { createContest } from '../modules/contests/contest.service.js';
import { recordedEngagement } from '../modules/results/engagement.reader.js';
import { computeFromBundle, exportBundle, formatRanking } from '../modules/results/results-cli.js';
import { writeFile } from 'node:fs/promises';

const USAGE = `clipcontest <command>

  serve                          run the web server (migrates; seeds the demo into an empty database)
  worker                         work the job queue until SIGINT/SIGTERM (JOB_CONCURRENCY, JOB_POLL_MS, JOB_LEASE_SECONDS)
  migrate                        apply database migrations
  demo [--phase P]               seed/re-time the Quảng Ngãi 2023 demo (P: launch|production|receipt|voting|judging|ceremony|closed)
  contest create FILE            create a contest from a configuration JSON (see docs/contest-configuration.md)
  org import FILE                upsert administrative units from a JSON tree (idempotent)
  user add --email E --name N [--password P] [--role R [--contest SLUG] [--org-unit CODE] [--round KEY]]
  audit verify                   check the audit hash chain; exits 1 and names the first broken row
  settings set KEY JSON          change a platform setting (e.g. auth.requireTotpForStaff true)
  results export --contest SLUG --round KEY [--unit CODE] --out FILE   write the round's results bundle (docs/results-formula.md)
  results compute --input FILE [--json]                              recompute and print the ranking from a bundle alone
  votes recount [--repair]       check every vote counter against the ledger; exits 1 on a mismatch unless repaired

Environment: DATABASE_URL (default sqlite:./data/clipcontest.db), PORT, SMTP_URL, PUBLIC_URL, LOG_LEVEL.`;

class UsageError extends Error {}

async function withDeps<T>(
  config: AppConfig,
  fn: (deps: Awaited<ReturnType<typeof createDeps>>) => Promise<T>,
): Promise<T> {
  const deps = await createDeps({
    ...config,
    LOG_LEVEL: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL,
  });
  try {
    return await fn(deps);
  } finally {
    await deps.close();
  }
}

export async function runCli(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve':
      await serve(config);
      return -1; // keep running
    case 'worker':
      await runWorker(config);
      return -1; // keep running until a signal
    case 'migrate':
      await withDeps(config, () => Promise.resolve());
      console.log('database is up to date');
      return 0;
    case 'demo': {
      const { values } = parseArgs({
        args: [sub ?? '', ...rest].filter(Boolean),
        options: { phase: { type: 'string' } },
      });
      const phase = (values.phase ?? config.DEMO_PHASE) as AppConfig['DEMO_PHASE'];
      return withDeps(config, async (deps) => {
        const { created, logins } = await seedDemo(deps, phase);
        console.log(`${created ? 'seeded' : 're-timed'} the demo contest for phase "${phase}"`);
        console.log(formatDemoBanner(logins, config.publicUrl));
        return 0;
      });
    }
    case 'org': {
      if (sub !== 'import' || !rest[0]) throw new UsageError('usage: clipcontest org import FILE');
      const file = JSON.parse(await readFile(rest[0], 'utf8')) as unknown;
      return withDeps(config, async (deps) => {
        const s = await importOrgUnits(deps, null, file);
        console.log(
          `org units: ${s.total} in file, ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged`,
        );
        return 0;
      });
    }
    case 'user': {
      if (sub !== 'add') throw new UsageError('usage: clipcontest user add --email E --name N ...');
      const { values } = parseArgs({
        args: rest,
        options: {
          email: { type: 'string' },
          name: { type: 'string' },
          password: { type: 'string' },
          role: { type: 'string' },
          contest: { type: 'string' },
          'org-unit': { type: 'string' },
          round: { type: 'string' },
        },
      });
      if (!values.email || !values.name) throw new UsageError('--email and --name are required');
      const role = values.role;
      if (role !== undefined && !roles.includes(role as Role))
        throw new UsageError(`--role must be one of ${roles.join(', ')}`);
      return withDeps(config, async (deps) => {
        const db = deps.db.kysely;
        const user =
          (await accountRepository.findUserByEmail(db, values.email?.trim().toLowerCase() ?? '')) ??
          (await createUser(deps, null, {
            email: values.email ?? '',
            name: values.name ?? '',
            password: values.password,
          }));
        if (role) {
          const contest = values.contest ? await contestRepository.findBySlug(db, values.contest) : undefined;
          if (values.contest && !contest) throw new UsageError(`no contest "${values.contest}"`);
          const unit = values['org-unit']
            ? await orgUnitRepository.findByCode(db, values['org-unit'])
            : undefined;
          if (values['org-unit'] && !unit)
            throw new UsageError(`no org unit with code "${values['org-unit']}"`);
          await assignRole(deps, null, user.id, {
            role: role as Role,
            contestId: contest?.id ?? null,
            orgUnitId: unit?.id ?? null,
            roundKey: values.round ?? null,
          });
        }
        console.log(`user ${user.email} (${user.id}) ready${role ? ` with role ${role}` : ''}`);
        return 0;
      });
    }
    case 'contest': {
      if (sub !== 'create' || !rest[0]) throw new UsageError('usage: clipcontest contest create CONFIG.json');
      const input = JSON.parse(await readFile(rest[0], 'utf8')) as unknown;
      return withDeps(config, async (deps) => {
        const row = await createContest(deps, null, input);
        console.log(`contest "${row.slug}" created (${row.id})`);
        return 0;
      });
    }
    case 'audit': {
      if (sub !== 'verify') throw new UsageError('usage: clipcontest audit verify');
      return withDeps(config, async (deps) => {
        const v = await verifyAuditChain(deps);
        if (v.ok) {
          console.log(`audit chain OK: ${v.rows} rows`);
          return 0;
        }
        const b = v.firstBroken;
        console.error(`audit chain BROKEN at row seq=${b?.seq} id=${b?.id}: ${b?.problem}`);
        return 1;
      });
    }
    case 'votes': {
      if (sub !== 'recount') throw new UsageError('usage: clipcontest votes recount [--repair]');
      return withDeps(config, (deps) => runRecount(deps, rest.includes('--repair')));
    }
    case 'settings': {
      if (sub !== 'set' || rest.length < 2) throw new UsageError('usage: clipcontest settings set KEY JSON');
      const [key = '', raw = ''] = rest;
      const value = JSON.parse(raw) as unknown;
      return withDeps(config, async (deps) => {
        await changeSetting(deps, null, key, value, 'changed at the command line');
        console.log(`${key} = ${JSON.stringify(value)}`);
        return 0;
      });
    }
    case 'results': {
      const { values } = parseArgs({
        args: rest,
        options: {
          contest: { type: 'string' },
          round: { type: 'string' },
          unit: { type: 'string' },
          out: { type: 'string' },
          input: { type: 'string' },
          json: { type: 'boolean' },
        },
      });
      if (sub === 'compute') {
        if (!values.input)
          throw new UsageError('usage: clipcontest results compute --input bundle.json [--json]');
        const bundle = JSON.parse(await readFile(values.input, 'utf8')) as {
          round?: { finalistCount?: number };
        };
        const output = computeFromBundle(bundle);
        console.log(
          values.json ? JSON.stringify(output, null, 2) : formatRanking(output, bundle.round?.finalistCount),
        );
        return 0;
      }
      if (sub !== 'export' || !values.contest || !values.round || !values.out)
        throw new UsageError(
          'usage: clipcontest results export --contest SLUG --round KEY [--unit CODE] --out FILE',
        );
      const { contest, round, unit, out } = values;
      return withDeps(config, async (deps) => {
        const bundle = await exportBundle(deps, recordedEngagement, {
          slug: contest,
          roundKey: round,
          unitCode: unit,
        });
        await writeFile(out, `${JSON.stringify(bundle, null, 2)}\n`);
        console.log(
          `results bundle written to ${out}: ${bundle.entries.length} entries, ${bundle.sheets.length} sheets, ${bundle.engagement.length} engagement rows`,
        );
        return 0;
      });
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(USAGE);
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

export async function main(argv: string[]): Promise<void> {
  try {
    const code = await runCli(argv);
    if (code >= 0) process.exit(code);
  } catch (e) {
    if (e instanceof UsageError) console.error(e.message);
    else if (isDomainError(e))
      console.error(
        `${e.code}: ${e.localized.en}${e.issues.length ? `\n${e.issues.map((i) => `  ${i.path}: ${i.code}`).join('\n')}` : ''}`,
      );
    else console.error(e instanceof Error ? e.message : e);
    process.exit(2);
  }
}

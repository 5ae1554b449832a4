import { randomBytes } from 'node:crypto';
import type { Deps } from '../../infra/context.js';
import { nowIso } from '../../infra/db/ids.js';
import { settingRepository } from '../settings/setting.repository.js';
import { memoryRateLimitStore, redisRateLimitStore, type Limit, type RateLimitStore } from './rate-limit.js';
import { consoleSmsSender, httpSmsSender, type SmsSender } from './sms-sender.js';

const MINUTE = 60_000;

export interface VotingLimits {
  otpRequestPerIp: Limit;
  otpRequestPerAddress: Limit;
  otpVerifyPerIp: Limit;
  votePerIp: Limit;
  votePerVoter: Limit;
}

/** What the voting endpoints share besides `Deps`: rate-limit store, SMS sender, proof-of-work settings. */
export interface VotingRuntime {
  limits: VotingLimits;
  store: RateLimitStore;
  sms: SmsSender;
  /** Proof-of-work difficulty: SHA-256 rounds per attempt and the range of the secret counter. */
  altcha: { cost: number; counterMin: number; counterMax: number };
  /** HMAC secret for challenges and OTP hashes, shared by every instance through the settings table. */
  secret(): Promise<string>;
  close(): Promise<void>;
}

export interface VotingRuntimeOptions {
  store?: RateLimitStore;
  sms?: SmsSender;
  limits?: Partial<VotingLimits>;
  altcha?: Partial<VotingRuntime['altcha']>;
}

const SECRET_KEY = 'voting.secret';

export function createVotingRuntime(deps: Deps, opts: VotingRuntimeOptions = {}): VotingRuntime {
  const c = deps.config;
  const store = opts.store ?? (c.REDIS_URL ? redisRateLimitStore(c.REDIS_URL) : memoryRateLimitStore());
  const sms =
    opts.sms ??
    (c.SMS_HTTP_URL
      ? httpSmsSender({ url: c.SMS_HTTP_URL, token: c.SMS_HTTP_TOKEN })
      : consoleSmsSender(deps.log));
  let secret: Promise<string> | undefined;
  return {
    store,
    sms,
    limits: {
      otpRequestPerIp: { name: 'otp-ip', max: 30, windowMs: 10 * MINUTE },
      otpRequestPerAddress: { name: 'otp-addr', max: 5, windowMs: 10 * MINUTE },
      otpVerifyPerIp: { name: 'otpv-ip', max: 60, windowMs: 10 * MINUTE },
      votePerIp: { name: 'vote-ip', max: c.VOTE_LIMIT_PER_IP_PER_MINUTE, windowMs: MINUTE },
      votePerVoter: { name: 'vote-voter', max: c.VOTE_LIMIT_PER_VOTER_PER_MINUTE, windowMs: MINUTE },
      ...opts.limits,
    },
    altcha: { cost: 20, counterMin: 2_000, counterMax: 6_000, ...opts.altcha },
    secret() {
      secret ??= (async () => {
        const db = deps.db.kysely;
        const existing = await settingRepository.get(db, SECRET_KEY);
        if (typeof existing === 'string') return existing;
        const fresh = randomBytes(32).toString('hex');
        // First writer wins: a concurrent instance may have stored its own already.
        await db
          .insertInto('settings')
          .values({ key: SECRET_KEY, value_json: JSON.stringify(fresh), updated_at: nowIso(deps.clock) })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        const stored = await settingRepository.get(db, SECRET_KEY);
        return typeof stored === 'string' ? stored : fresh;
      })();
      return secret;
    },
    close: () => store.close(),
  };
}

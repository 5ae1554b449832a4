import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Deps } from '../../infra/context.js';
import { nowIso } from '../../infra/db/ids.js';
import { settingRepository } from '../settings/setting.repository.js';

const SECRET_SETTING = 'media.urlSecret';
const secrets = new WeakMap<object, Promise<Buffer>>();

/**
 * The HMAC key of signed media URLs: MEDIA_URL_SECRET, or a random key created once and kept in the
 * settings table so that every server of a deployment signs and checks alike.
 */
export function mediaUrlSecret(deps: Deps): Promise<Buffer> {
  if (deps.config.MEDIA_URL_SECRET) return Promise.resolve(Buffer.from(deps.config.MEDIA_URL_SECRET));
  let s = secrets.get(deps.db);
  if (!s) {
    s = (async () => {
      const db = deps.db.kysely;
      const existing = await settingRepository.get(db, SECRET_SETTING);
      if (typeof existing === 'string') return Buffer.from(existing, 'base64url');
      const fresh = randomBytes(32).toString('base64url');
      // Two servers starting at once: the first insert wins and both read it back.
      await db
        .insertInto('settings')
        .values({ key: SECRET_SETTING, value_json: JSON.stringify(fresh), updated_at: nowIso(deps.clock) })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const kept = await settingRepository.get(db, SECRET_SETTING);
      return Buffer.from(typeof kept === 'string' ? kept : fresh, 'base64url');
    })();
    secrets.set(deps.db, s);
  }
  return s;
}

const signature = (secret: Buffer, sha: string, version: string, exp: number): string =>
  createHmac('sha256', secret).update(`${sha}/${version}:${exp}`).digest('base64url');

/**
 * A signed prefix for every file of one set of renditions: `/api/media/s/<exp>.<sig>/<sha>/<version>`.
 * The signature covers the folder, not one file, so an HLS playlist's relative segment paths stay signed.
 */
export async function signedPrefix(deps: Deps, sha: string, version: string): Promise<string> {
  const exp = Math.floor(deps.clock.now().getTime() / 1000) + deps.config.MEDIA_URL_TTL_SECONDS;
  const sig = signature(await mediaUrlSecret(deps), sha, version, exp);
  return `/api/media/s/${exp}.${sig}/${sha}/${version}`;
}

export const publicPrefix = (sha: string, version: string): string => `/api/media/p/${sha}/${version}`;

/** 'ok', 'expired' or 'invalid' for a token of a signed URL, judged on the server's clock. */
export async function checkToken(
  deps: Deps,
  token: string,
  sha: string,
  version: string,
): Promise<'ok' | 'expired' | 'invalid'> {
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m?.[1] || !m[2]) return 'invalid';
  const exp = Number(m[1]);
  const expected = Buffer.from(signature(await mediaUrlSecret(deps), sha, version, exp));
  const given = Buffer.from(m[2]);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  return deps.clock.now().getTime() >= exp * 1000 ? 'expired' : 'ok';
}

/** Seconds a signed URL still has, for its cache header. */
export const tokenRemaining = (deps: Deps, token: string): number =>
  Math.max(0, Number(token.split('.')[0]) - Math.floor(deps.clock.now().getTime() / 1000));

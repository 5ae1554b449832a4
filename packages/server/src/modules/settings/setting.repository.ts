import type { Executor } from '../../infra/db/database.js';

export const settingRepository = {
  async get(db: Executor, key: string): Promise<unknown> {
    const row = await db
      .selectFrom('settings')
      .select('value_json')
      .where('key', '=', key)
      .executeTakeFirst();
    return row ? (JSON.parse(row.value_json) as unknown) : undefined;
  },
  async set(db: Executor, key: string, value: unknown, at: string): Promise<void> {
    const value_json = JSON.stringify(value);
    await db
      .insertInto('settings')
      .values({ key, value_json, updated_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value_json, updated_at: at }))
      .execute();
  },
};

export const SETTING_REQUIRE_TOTP = 'auth.requireTotpForStaff';

export async function requireTotpForStaff(db: Executor): Promise<boolean> {
  const v = await settingRepository.get(db, SETTING_REQUIRE_TOTP);
  return v !== false; // on unless explicitly turned off
}

import { describe, expect, it } from 'vitest';
import { demoContestConfig } from './demo/quang-ngai-2023.js';
import {
  assertWindowOpen,
  checklistComplete,
  effectiveWindow,
  entryRoundOf,
  nextRoundOf,
  receiptChecklist,
  scopeUnitOf,
} from './entry-workflow.rules.js';
import { localToInstant } from './local-time.rules.js';

const config = demoContestConfig({ phase: 'production', now: new Date('2023-08-10T03:00:00Z') });
const district = config.rounds.find((r) => r.key === 'district');
const closesAt = district?.windows.submission?.closesAt ?? '';

describe('effective windows and deadlines', () => {
  it('is open through the closing second and closed one second later, naming the deadline', () => {
    const w = effectiveWindow(config, 'district', 'submission', [], ['P', 'D1', 'K1']);
    const last = localToInstant(closesAt, config.timezone);
    expect(() =>
      assertWindowOpen(w, 'submission', new Date(last.getTime() + 999), config.timezone),
    ).not.toThrow();
    try {
      assertWindowOpen(w, 'submission', new Date(last.getTime() + 1000), config.timezone);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'WINDOW_CLOSED' });
      expect((e as Error).message).toContain(closesAt.replace('T', ' '));
    }
  });

  it('applies an extension to the unit named and everything under it, never shortening', () => {
    const later = closesAt.replace(/^(\d{4})/, (y) => String(Number(y) + 1));
    const overrides = [{ orgUnitId: 'D1', closesAt: later }];
    expect(
      effectiveWindow(config, 'district', 'submission', overrides, ['P', 'D1', 'K1'])?.closesAtLocal,
    ).toBe(later);
    expect(
      effectiveWindow(config, 'district', 'submission', overrides, ['P', 'D2', 'K9'])?.closesAtLocal,
    ).toBe(closesAt);
    const earlier = [{ orgUnitId: 'D1', closesAt: '2000-01-01T00:00:00' }];
    expect(effectiveWindow(config, 'district', 'submission', earlier, ['P', 'D1'])?.closesAtLocal).toBe(
      closesAt,
    );
  });

  it('refuses a window the round does not have', () => {
    expect(() =>
      assertWindowOpen(
        effectiveWindow(config, 'district', 'voting', [], []),
        'voting',
        new Date(),
        config.timezone,
      ),
    ).toThrow(/voting/);
  });
});

describe('rounds and quotas', () => {
  it('starts entries in the open round and advances district → final', () => {
    expect(entryRoundOf(config)?.key).toBe('district');
    expect(nextRoundOf(config, 'district')?.key).toBe('final');
    expect(nextRoundOf(config, 'ceremony')).toBeUndefined();
  });

  it('counts a quota against the ancestor at the round scope level', () => {
    const ancestry = [
      { id: 'P', level: 'province' },
      { id: 'D1', level: 'district' },
      { id: 'K1', level: 'commune' },
    ];
    if (!district) throw new Error('no district round');
    expect(scopeUnitOf(district, ancestry)).toBe('D1');
    const final = config.rounds.find((r) => r.key === 'final');
    if (!final) throw new Error('no final round');
    expect(scopeUnitOf(final, ancestry)).toBeNull();
  });
});

describe('receipt checklist', () => {
  const declarations = Object.fromEntries(config.entryRules.declarations.map((d) => [d.key, true]));
  const file = { sizeBytes: 10_000_000, container: 'mp4' };

  it('fills the automatic items from the entry and keeps the manual ones as ticked', () => {
    const items = receiptChecklist(config.entryRules, { declarations, original: file }, { theme_fit: true });
    expect(items.filter((i) => i.auto).every((i) => i.ok)).toBe(true);
    expect(items.find((i) => i.key === 'theme_fit')?.ok).toBe(true);
    expect(items.find((i) => i.key === 'eligible_team')?.ok).toBeNull();
    expect(checklistComplete(items)).toBe(false);
    const all = receiptChecklist(
      config.entryRules,
      { declarations, original: file },
      { theme_fit: true, eligible_team: true },
    );
    expect(checklistComplete(all)).toBe(true);
  });

  it('flags a missing file, a missing declaration and a file outside the rules', () => {
    const none = receiptChecklist(config.entryRules, { declarations: {}, original: null }, {});
    expect(none.find((i) => i.key === 'file_received')?.ok).toBe(false);
    expect(none.find((i) => i.key === 'declarations')?.ok).toBe(false);
    const big = receiptChecklist(
      config.entryRules,
      { declarations, original: { ...file, sizeBytes: config.entryRules.maxSizeBytes + 1 } },
      {},
    );
    expect(big.find((i) => i.key === 'file_within_rules')?.ok).toBe(false);
  });
});

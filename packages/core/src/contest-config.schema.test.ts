import { describe, expect, it } from 'vitest';
import type { ContestConfigInput } from './contest-config.schema.js';
import { parseContestConfig, validateContestConfig } from './contest-config.validate.js';
import { quangNgai2023Input } from './demo/quang-ngai-2023.js';
import { DomainError } from './errors.js';
import type { FieldIssue } from './errors.js';

/** A deep copy of the reference contest, changed by `edit`. */
function variant(edit: (c: ContestConfigInput) => void): unknown {
  const copy = structuredClone(quangNgai2023Input);
  edit(copy);
  return copy;
}

function issuesOf(input: unknown): FieldIssue[] {
  const result = validateContestConfig(input);
  if (result.ok) throw new Error('expected the configuration to be invalid');
  return result.issues;
}

const pairs = (issues: FieldIssue[]): string[] => issues.map((i) => `${i.path} ${i.code}`);

const round = (c: ContestConfigInput, key: string) => {
  const r = c.rounds.find((x) => x.key === key);
  if (!r) throw new Error(key);
  return r;
};

describe('validateContestConfig', () => {
  it('accepts the reference contest and applies defaults', () => {
    const result = validateContestConfig(quangNgai2023Input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(result.config.rounds).toHaveLength(3);
    expect(result.config.rounds[0]?.aggregation).toEqual({ method: 'mean', zScore: false });
    expect(result.config.rounds[0]?.juryMaxPoints).toBe(0);
  });

  it('defaults the time zone and the tie-breakers', () => {
    const input = variant((c) => {
      delete c.timezone;
      delete c.tieBreakers;
    });
    const result = validateContestConfig(input);
    expect(result.ok && result.config.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(result.ok && result.config.tieBreakers).toEqual(['audience_raw', 'jury', 'earlier_submission']);
  });

  it('reports a window that closes before it opens, at its closesAt', () => {
    const input = variant((c) => {
      const voting = round(c, 'final').windows?.voting;
      if (voting) voting.closesAt = '2023-09-04T23:59:59';
    });
    expect(pairs(issuesOf(input))).toContain('rounds.1.windows.voting.closesAt window_order');
  });

  it('reports windows opening out of sequence', () => {
    const input = variant((c) => {
      const judging = round(c, 'final').windows?.judging;
      if (judging) judging.opensAt = '2023-09-01T00:00:00';
    });
    expect(pairs(issuesOf(input))).toContain('rounds.1.windows.judging.opensAt window_sequence');
  });

  it('reports shape problems with zod codes and dot paths', () => {
    const input = variant((c) => {
      c.slug = 'Not A Slug';
      c.rounds[0]!.quotaPerScopeUnit = 0;
      c.entryRules.maxSizeBytes = -1;
      c.title = { vi: '', en: 'x' };
      const voting = round(c, 'final').windows?.voting;
      if (voting) voting.opensAt = '2023-09-31T00:00:00';
    });
    const got = pairs(issuesOf(input));
    expect(got).toEqual(
      expect.arrayContaining([
        'slug invalid_format',
        'rounds.0.quotaPerScopeUnit too_small',
        'entryRules.maxSizeBytes too_small',
        'title.vi too_small',
        'rounds.1.windows.voting.opensAt invalid_local_datetime',
      ]),
    );
  });

  it('reports a missing field as invalid_type with a "required" message', () => {
    const input = variant((c) => {
      delete (c as Partial<ContestConfigInput>).entryRules;
    });
    const issue = issuesOf(input).find((i) => i.path === 'entryRules');
    expect(issue?.code).toBe('invalid_type');
    expect(issue?.message.vi).toBe('Bắt buộc phải nhập.');
  });

  it('rejects unknown time zones', () => {
    expect(pairs(issuesOf(variant((c) => void (c.timezone = 'Asia/Quang_Ngai'))))).toEqual([
      'timezone invalid_timezone',
    ]);
  });

  it('checks keys are unique', () => {
    const input = variant((c) => {
      c.rounds[2]!.key = 'final';
      c.prizes![1]!.key = 'first';
      c.orgLevels = ['province', 'district', 'district', 'commune'];
    });
    expect(pairs(issuesOf(input))).toEqual(
      expect.arrayContaining([
        'rounds.2.key duplicate_key',
        'prizes.1.key duplicate_key',
        'orgLevels.2 duplicate_key',
      ]),
    );
  });

  it('checks round sources, levels and rubrics', () => {
    expect(
      pairs(
        issuesOf(variant((c) => void (c.rounds[1]!.source = { kind: 'advancement', fromRound: 'nope' }))),
      ),
    ).toContain('rounds.1.source.fromRound unknown_round');
    expect(
      pairs(
        issuesOf(variant((c) => void (c.rounds[1]!.source = { kind: 'advancement', fromRound: 'ceremony' }))),
      ),
    ).toContain('rounds.1.source.fromRound round_source_order');
    expect(pairs(issuesOf(variant((c) => void (c.rounds[0]!.scopeLevel = 'village'))))).toContain(
      'rounds.0.scopeLevel unknown_level',
    );
    expect(pairs(issuesOf(variant((c) => void (c.entrantLevel = 'village'))))).toContain(
      'entrantLevel unknown_level',
    );
    expect(pairs(issuesOf(variant((c) => void (c.rounds[1]!.rubricKey = 'final-2024'))))).toContain(
      'rounds.1.rubricKey unknown_rubric',
    );
    expect(pairs(issuesOf(variant((c) => void delete c.rounds[1]!.rubricKey)))).toContain(
      'rounds.1.rubricKey rubric_required',
    );
    expect(pairs(issuesOf(variant((c) => void (c.rounds[2]!.scopeLevel = 'district'))))).toContain(
      'rounds.2.scopeLevel round_scope_order',
    );
    expect(pairs(issuesOf(variant((c) => void delete c.rounds[0]!.windows!.submission)))).toContain(
      'rounds.0.windows.submission window_required',
    );
    expect(pairs(issuesOf(variant((c) => void (c.rounds[1]!.juryMaxPoints = 0))))).toContain(
      'rounds.1.juryMaxPoints max_points_required',
    );
  });

  it('checks the audience formula', () => {
    expect(
      pairs(
        issuesOf(
          variant((c) => {
            for (const s of c.audienceFormula!.sources) {
              s.likeWeight = 0;
              s.shareWeight = 0;
            }
          }),
        ),
      ),
    ).toEqual(['audienceFormula.sources weights_zero']);
    expect(pairs(issuesOf(variant((c) => void (c.audienceFormula!.normalization = 'rank-table'))))).toEqual([
      'audienceFormula.rankTable rank_table_required',
    ]);
    expect(pairs(issuesOf(variant((c) => void delete c.audienceFormula)))).toContain(
      'audienceFormula audience_formula_required',
    );
    expect(pairs(issuesOf(variant((c) => void (c.audienceFormula!.sources[1]!.source = 'native'))))).toEqual([
      'audienceFormula.sources.1.source duplicate_key',
    ]);
  });

  it('checks rubric steps and entry rule ranges', () => {
    expect(pairs(issuesOf(variant((c) => void (c.rubrics![0]!.criteria[0]!.step = 3))))).toEqual([
      'rubrics.0.criteria.0.step step_mismatch',
    ]);
    expect(pairs(issuesOf(variant((c) => void (c.entryRules.minDurationSeconds = 900))))).toEqual([
      'entryRules.maxDurationSeconds range_order',
    ]);
  });

  it('gives every issue a message in Vietnamese and English', () => {
    const issues = issuesOf(
      variant((c) => {
        c.slug = '';
        c.rounds[0]!.method = 'bogus' as 'jury';
        c.timezone = 'nowhere';
        c.tieBreakers = ['jury', 'jury'];
      }),
    );
    expect(issues.length).toBeGreaterThanOrEqual(3);
    for (const issue of issues) {
      expect(issue.message.vi.length).toBeGreaterThan(0);
      expect(issue.message.en.length).toBeGreaterThan(0);
    }
  });

  it('rejects non-objects without throwing', () => {
    expect(validateContestConfig(null).ok).toBe(false);
    expect(validateContestConfig('x').ok).toBe(false);
    expect(validateContestConfig([]).ok).toBe(false);
  });
});

describe('parseContestConfig', () => {
  it('throws a bad_request DomainError carrying the issues', () => {
    try {
      parseContestConfig(variant((c) => void (c.slug = 'BAD')));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      const err = e as DomainError;
      expect(err.kind).toBe('bad_request');
      expect(err.code).toBe('invalid_config');
      expect(err.issues.map((i) => i.path)).toEqual(['slug']);
    }
  });
});

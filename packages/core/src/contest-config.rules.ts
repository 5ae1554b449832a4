/**
 * Cross-field rules of a contest configuration, run by `contestConfigSchema` (superRefine).
 * Each problem becomes a zod `custom` issue whose `params.code` is a stable code listed in
 * `contestConfigIssueCodes`.
 */
import type { z } from 'zod';
import type { LocalizedText } from './errors.js';
import {
  CONTEST_SCOPE,
  methodUsesAudience,
  methodUsesJury,
  windowKindLabels,
  windowKinds,
} from './contest-config.constants.js';
import type { WindowKind } from './contest-config.constants.js';
import type { contestConfigObjectSchema } from './contest-config.schema.js';
import { compareLocal, isLocalDateTime } from './local-time.rules.js';
import { customIssue } from './shared.schema.js';

type Draft = z.output<typeof contestConfigObjectSchema>;
type Path = (string | number)[];

export const contestConfigIssueCodes = [
  'duplicate_key',
  'reserved_key',
  'unknown_level',
  'scope_below_entrants',
  'unknown_round',
  'round_source_order',
  'round_scope_order',
  'rubric_required',
  'unknown_rubric',
  'max_points_required',
  'audience_formula_required',
  'window_required',
  'window_order',
  'window_sequence',
  'range_order',
  'step_mismatch',
  'weights_zero',
  'rank_table_required',
  'rank_table_order',
] as const;
export type ContestConfigIssueCode = (typeof contestConfigIssueCodes)[number];

export function checkContestConfig(config: Draft, ctx: z.RefinementCtx): void {
  const add = (path: Path, code: ContestConfigIssueCode, text: LocalizedText): void => {
    const { params, error } = customIssue(code, text);
    ctx.addIssue({ code: 'custom', path, message: error, params });
  };

  const uniqueKeys = (keys: readonly string[], pathOf: (i: number) => Path, what: LocalizedText): void => {
    const seen = new Set<string>();
    keys.forEach((key, i) => {
      if (seen.has(key)) {
        add(pathOf(i), 'duplicate_key', {
          vi: `Khóa "${key}" bị trùng trong ${what.vi}.`,
          en: `Key "${key}" is repeated in ${what.en}.`,
        });
      }
      seen.add(key);
    });
  };

  // Org levels and entrants.
  uniqueKeys(config.orgLevels, (i) => ['orgLevels', i], { vi: 'danh sách cấp', en: 'the levels' });
  config.orgLevels.forEach((level, i) => {
    if (level === CONTEST_SCOPE) {
      add(['orgLevels', i], 'reserved_key', {
        vi: `"${CONTEST_SCOPE}" là từ dành riêng, không dùng làm tên cấp.`,
        en: `"${CONTEST_SCOPE}" is reserved and cannot name a level.`,
      });
    }
  });
  const levelRank = (level: string): number | undefined => {
    if (level === CONTEST_SCOPE) return -1;
    const i = config.orgLevels.indexOf(level);
    return i < 0 ? undefined : i;
  };
  const entrantRank = levelRank(config.entrantLevel);
  if (entrantRank === undefined || entrantRank < 0) {
    add(['entrantLevel'], 'unknown_level', {
      vi: `Cấp "${config.entrantLevel}" không có trong danh sách cấp.`,
      en: `Level "${config.entrantLevel}" is not one of the org levels.`,
    });
  }

  // Entry rules.
  const rules = config.entryRules;
  if (rules.minDurationSeconds > rules.maxDurationSeconds) {
    add(['entryRules', 'maxDurationSeconds'], 'range_order', {
      vi: 'Thời lượng tối đa phải lớn hơn hoặc bằng thời lượng tối thiểu.',
      en: 'The maximum duration must be at least the minimum duration.',
    });
  }
  uniqueKeys(rules.allowedContainers, (i) => ['entryRules', 'allowedContainers', i], {
    vi: 'định dạng tệp',
    en: 'the containers',
  });
  uniqueKeys(rules.requiredFields, (i) => ['entryRules', 'requiredFields', i], {
    vi: 'trường bắt buộc',
    en: 'the required fields',
  });
  uniqueKeys(
    rules.declarations.map((d) => d.key),
    (i) => ['entryRules', 'declarations', i, 'key'],
    { vi: 'các cam kết', en: 'the declarations' },
  );

  // Rubrics.
  uniqueKeys(
    config.rubrics.map((r) => r.key),
    (i) => ['rubrics', i, 'key'],
    { vi: 'các phiếu chấm', en: 'the rubrics' },
  );
  config.rubrics.forEach((rubric, r) => {
    uniqueKeys(
      rubric.criteria.map((c) => c.key),
      (i) => ['rubrics', r, 'criteria', i, 'key'],
      { vi: 'các tiêu chí', en: 'the criteria' },
    );
    rubric.criteria.forEach((c, i) => {
      const steps = c.maxPoints / c.step;
      if (Math.abs(steps - Math.round(steps)) > 1e-9) {
        add(['rubrics', r, 'criteria', i, 'step'], 'step_mismatch', {
          vi: `Điểm tối đa ${c.maxPoints} phải là bội số của bước điểm ${c.step}.`,
          en: `The maximum ${c.maxPoints} must be a multiple of the step ${c.step}.`,
        });
      }
    });
  });
  const rubricKeys = new Set(config.rubrics.map((r) => r.key));

  // Rounds.
  uniqueKeys(
    config.rounds.map((r) => r.key),
    (i) => ['rounds', i, 'key'],
    { vi: 'các vòng thi', en: 'the rounds' },
  );
  config.rounds.forEach((round, i) => {
    const at = (...rest: Path): Path => ['rounds', i, ...rest];
    const rank = levelRank(round.scopeLevel);
    if (rank === undefined) {
      add(at('scopeLevel'), 'unknown_level', {
        vi: `Cấp "${round.scopeLevel}" không có trong danh sách cấp (hoặc "${CONTEST_SCOPE}").`,
        en: `Level "${round.scopeLevel}" is neither an org level nor "${CONTEST_SCOPE}".`,
      });
    } else if (entrantRank !== undefined && rank > entrantRank) {
      add(at('scopeLevel'), 'scope_below_entrants', {
        vi: 'Phạm vi của vòng thi không được thấp hơn cấp của đơn vị dự thi.',
        en: 'A round cannot be scoped below the level of the entrants.',
      });
    }

    if (round.source.kind === 'advancement') {
      const from = round.source.fromRound;
      const j = config.rounds.findIndex((r) => r.key === from);
      if (j < 0) {
        add(at('source', 'fromRound'), 'unknown_round', {
          vi: `Không có vòng thi "${from}".`,
          en: `There is no round "${from}".`,
        });
      } else if (j >= i) {
        add(at('source', 'fromRound'), 'round_source_order', {
          vi: 'Vòng thi chỉ được nhận tác phẩm từ một vòng diễn ra trước nó.',
          en: 'A round can only take entries from an earlier round.',
        });
      } else {
        const fromRank = levelRank(config.rounds[j]?.scopeLevel ?? '');
        if (rank !== undefined && fromRank !== undefined && rank > fromRank) {
          add(at('scopeLevel'), 'round_scope_order', {
            vi: 'Vòng sau không được có phạm vi hẹp hơn vòng trước.',
            en: 'A later round cannot have a narrower scope than the round it draws from.',
          });
        }
      }
    } else if (!round.windows.submission) {
      add(at('windows', 'submission'), 'window_required', {
        vi: 'Vòng nhận bài trực tiếp cần có thời gian nộp bài.',
        en: 'A round with open submissions needs a submission window.',
      });
    }

    if (methodUsesJury(round.method)) {
      if (!round.rubricKey) {
        add(at('rubricKey'), 'rubric_required', {
          vi: 'Vòng có ban giám khảo chấm điểm cần chọn phiếu chấm.',
          en: 'A round scored by a jury needs a rubric.',
        });
      }
      if (round.juryMaxPoints <= 0) {
        add(at('juryMaxPoints'), 'max_points_required', {
          vi: 'Cần nhập điểm tối đa của ban giám khảo.',
          en: 'Set the maximum jury points.',
        });
      }
      if (!round.windows.judging) {
        add(at('windows', 'judging'), 'window_required', {
          vi: 'Vòng có ban giám khảo chấm điểm cần có thời gian chấm.',
          en: 'A round scored by a jury needs a judging window.',
        });
      }
    }
    if (round.rubricKey && !rubricKeys.has(round.rubricKey)) {
      add(at('rubricKey'), 'unknown_rubric', {
        vi: `Không có phiếu chấm "${round.rubricKey}".`,
        en: `There is no rubric "${round.rubricKey}".`,
      });
    }
    if (methodUsesAudience(round.method)) {
      if (round.audienceMaxPoints <= 0) {
        add(at('audienceMaxPoints'), 'max_points_required', {
          vi: 'Cần nhập điểm tối đa của khán giả.',
          en: 'Set the maximum audience points.',
        });
      }
      if (!config.audienceFormula) {
        add(['audienceFormula'], 'audience_formula_required', {
          vi: `Vòng "${round.key}" có bình chọn nên cần công thức tính điểm khán giả.`,
          en: `Round "${round.key}" uses audience votes, so an audience formula is required.`,
        });
      }
      if (!round.windows.voting) {
        add(at('windows', 'voting'), 'window_required', {
          vi: 'Vòng có bình chọn cần có thời gian bình chọn.',
          en: 'A round with audience votes needs a voting window.',
        });
      }
    }

    let previous: { kind: WindowKind; opensAt: string } | undefined;
    for (const kind of windowKinds) {
      const w = round.windows[kind];
      if (!w || !isLocalDateTime(w.opensAt) || !isLocalDateTime(w.closesAt)) continue;
      if (compareLocal(w.opensAt, w.closesAt) >= 0) {
        add(at('windows', kind, 'closesAt'), 'window_order', {
          vi: 'Thời điểm kết thúc phải sau thời điểm bắt đầu.',
          en: 'The window must close after it opens.',
        });
      }
      if (previous && compareLocal(w.opensAt, previous.opensAt) < 0) {
        add(at('windows', kind, 'opensAt'), 'window_sequence', {
          vi: `Thời gian ${windowKindLabels[kind].vi} không được bắt đầu trước thời gian ${windowKindLabels[previous.kind].vi}.`,
          en: `The ${windowKindLabels[kind].en} window cannot open before the ${windowKindLabels[previous.kind].en} window.`,
        });
      }
      previous = { kind, opensAt: w.opensAt };
    }
  });

  // Audience formula.
  const formula = config.audienceFormula;
  if (formula) {
    uniqueKeys(
      formula.sources.map((s) => s.source),
      (i) => ['audienceFormula', 'sources', i, 'source'],
      { vi: 'các nguồn tương tác', en: 'the engagement sources' },
    );
    if (formula.sources.every((s) => s.likeWeight === 0 && s.shareWeight === 0)) {
      add(['audienceFormula', 'sources'], 'weights_zero', {
        vi: 'Ít nhất một hệ số (lượt thích hoặc chia sẻ) phải lớn hơn 0.',
        en: 'At least one weight (like or share) must be above zero.',
      });
    }
    if (formula.normalization === 'rank-table') {
      if (!formula.rankTable) {
        add(['audienceFormula', 'rankTable'], 'rank_table_required', {
          vi: 'Cách quy đổi theo thứ hạng cần bảng điểm theo thứ hạng.',
          en: 'Rank-table normalization needs a rank table.',
        });
      } else if (formula.rankTable.some((v, k) => k > 0 && v > (formula.rankTable?.[k - 1] ?? v))) {
        add(['audienceFormula', 'rankTable'], 'rank_table_order', {
          vi: 'Điểm theo thứ hạng không được tăng dần theo thứ hạng.',
          en: 'Rank-table points cannot increase with rank.',
        });
      }
    }
  }

  uniqueKeys(config.tieBreakers, (i) => ['tieBreakers', i], {
    vi: 'tiêu chí phân định',
    en: 'the tie-breakers',
  });
  uniqueKeys(
    config.prizes.map((p) => p.key),
    (i) => ['prizes', i, 'key'],
    { vi: 'các giải thưởng', en: 'the prizes' },
  );
  config.prizes.forEach((prize, i) => {
    if (prize.kind === 'audience' && !config.audienceFormula) {
      add(['prizes', i, 'kind'], 'audience_formula_required', {
        vi: 'Giải bình chọn cần công thức tính điểm khán giả.',
        en: 'An audience prize needs an audience formula.',
      });
    }
  });
}

import type { TFunction } from 'i18next';
import type { ContestConfig } from '../../api/types';

type Pick = (text: { vi: string; en: string } | null | undefined) => string;

/** `rounds.1.quotaPerScopeUnit` → "Vòng 2: Cấp huyện › Chỉ tiêu mỗi đơn vị", for the issue summary. */
export function describePath(path: string, config: ContestConfig, t: TFunction, pick: Pick): string {
  const segs = path.split('.');
  const parts: string[] = [];
  for (let i = 0; i < segs.length; i += 1) {
    const seg = segs[i] ?? '';
    const next = segs[i + 1];
    const n = next !== undefined && /^\d+$/.test(next) ? Number(next) : null;
    if (n !== null && seg === 'rounds') {
      const name = pick(config.rounds[n]?.name);
      parts.push(name ? `${t('cfg.roundN', { n: n + 1 })}: ${name}` : t('cfg.roundN', { n: n + 1 }));
      i += 1;
    } else if (n !== null && seg === 'rubrics') {
      parts.push(t('contest.rubricKey', { key: config.rubrics[n]?.key ?? n + 1 }));
      i += 1;
    } else if (n !== null && seg === 'criteria') {
      parts.push(t('cfg.criterionN', { n: n + 1 }));
      i += 1;
    } else if (n !== null && seg === 'prizes') {
      parts.push(t('cfg.prizeN', { n: n + 1 }));
      i += 1;
    } else if (n !== null && seg === 'sources') {
      const source = config.audienceFormula?.sources[n]?.source;
      parts.push(source ? t(`audience.source.${source}`) : `${n + 1}`);
      i += 1;
    } else if (segs[i - 1] === 'windows') {
      parts.push(t(`windowKind.${seg}`, { defaultValue: seg }));
    } else if (/^\d+$/.test(seg)) {
      parts.push(`#${Number(seg) + 1}`);
    } else {
      parts.push(t(`cfgPath.${seg}`, { defaultValue: seg }));
    }
  }
  return parts.join(' › ');
}

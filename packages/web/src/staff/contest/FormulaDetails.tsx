import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AudienceFormula } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { formatInstant, formatLocalDateTime, formatNumber } from '../../lib/format';
import { Field } from '../shared/Field';

export function FormulaDetails({ formula: f, timezone }: { formula: AudienceFormula; timezone: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const n = (v: number) => formatNumber(v, lang);
  const cutoff = f.cutoff
    ? /(Z|[+-]\d{2}:?\d{2})$/.test(f.cutoff)
      ? formatInstant(f.cutoff, lang, timezone)
      : formatLocalDateTime(f.cutoff, lang)
    : null;
  return (
    <>
      <Text fw={600} size="sm">
        {t('audience.sources')}
      </Text>
      <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {f.sources.map((s) => (
          <Text component="li" size="sm" key={s.source} data-testid="audience-source" data-source={s.source}>
            {t(`audience.source.${s.source}`)}:{' '}
            {t('audience.weights', { like: n(s.likeWeight), share: n(s.shareWeight) })}
          </Text>
        ))}
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Field label={t('audience.normalization')} testId="audience-normalization">
          {t(`normalization.${f.normalization}`)}
        </Field>
        {f.rankTable && f.rankTable.length > 0 && (
          <Field label={t('audience.rankTable')}>{f.rankTable.map(n).join(' · ')}</Field>
        )}
        {cutoff && <Field label={t('audience.cutoff')}>{cutoff}</Field>}
        {f.hideCountsLastDays !== undefined && f.hideCountsLastDays > 0 && (
          <Field label={t('audience.hideCounts')}>{t('audience.days', { n: n(f.hideCountsLastDays) })}</Field>
        )}
        {f.dailyShareLimitPerVoter !== undefined && (
          <Field label={t('audience.dailyShareLimit')}>{n(f.dailyShareLimitPerVoter)}</Field>
        )}
      </SimpleGrid>
    </>
  );
}

import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContestConfig } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { formatNumber } from '../../lib/format';
import { Section } from '../shared/Section';
import { FormulaDetails } from './FormulaDetails';

export function AudienceSection({ config }: { config: ContestConfig }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const n = (v: number) => formatNumber(v, lang);
  const scored = config.rounds.filter((r) => r.method === 'jury+audience' || r.method === 'audience');
  return (
    <Section title={t('contest.scoring')} testId="contest-audience">
      <Stack gap="sm">
        {scored.map((r) => (
          <Text key={r.key} size="sm" data-testid="points-split" data-round={r.key}>
            <Text span fw={600}>
              {pick(r.name)}:
            </Text>{' '}
            {t('round.pointsSplit', { jury: n(r.juryMaxPoints), audience: n(r.audienceMaxPoints) })}
          </Text>
        ))}
        {config.audienceFormula ? (
          <FormulaDetails formula={config.audienceFormula} timezone={config.timezone} />
        ) : (
          <Text size="sm">{t('audience.none')}</Text>
        )}
        <Text fw={600} size="sm">
          {t('contest.tieBreakers')}
        </Text>
        <List type="ordered" size="sm" data-testid="tie-breakers">
          {config.tieBreakers.map((tb) => (
            <List.Item key={tb}>{t(`tieBreaker.${tb}`)}</List.Item>
          ))}
        </List>
      </Stack>
    </Section>
  );
}

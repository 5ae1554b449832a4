import { Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ContestConfig, Round } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { formatLocalDateTime, formatNumber } from '../../lib/format';
import { Field } from '../shared/Field';
import { Section } from '../shared/Section';
import { WINDOW_KINDS } from '../shared/windows';

export function RoundsSection({ config }: { config: ContestConfig }) {
  const { t } = useTranslation();
  return (
    <Section title={t('contest.rounds')} testId="contest-rounds">
      <Stack gap="sm">
        {config.rounds.map((round, i) => (
          <RoundCard key={round.key} round={round} index={i} config={config} />
        ))}
      </Stack>
    </Section>
  );
}

function RoundCard({ round, index, config }: { round: Round; index: number; config: ContestConfig }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const n = (v: number) => formatNumber(v, lang);
  const from = round.source.kind === 'advancement' ? round.source.fromRound : null;
  const fromName = from ? pick(config.rounds.find((r) => r.key === from)?.name) || from : null;
  return (
    <Card withBorder padding="sm" data-testid="round" data-round={round.key}>
      <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
        <Text fw={600}>
          {index + 1}. {pick(round.name)}
        </Text>
        <Badge variant="light">{t(`method.${round.method}`)}</Badge>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="sm" verticalSpacing="xs">
        <Field label={t('round.scope')}>
          {t(`orgLevel.${round.scopeLevel}`, { defaultValue: round.scopeLevel })}
        </Field>
        <Field label={t('round.source')}>
          {fromName ? t('round.sourceAdvancement', { round: fromName }) : t('round.sourceOpen')}
        </Field>
        <Field label={t('round.quota')} testId="round-quota">
          {round.quotaPerScopeUnit === null ? t('round.noQuota') : n(round.quotaPerScopeUnit)}
        </Field>
        <Field label={t('round.advanceAt')}>{t(`advanceAt.${round.advanceAt}`)}</Field>
        {round.finalistCount !== undefined && (
          <Field label={t('round.finalistCount')}>{n(round.finalistCount)}</Field>
        )}
        {round.juryMaxPoints + round.audienceMaxPoints > 0 && (
          <Field label={t('round.points')} testId="round-points">
            {t('round.pointsSplit', { jury: n(round.juryMaxPoints), audience: n(round.audienceMaxPoints) })}
          </Field>
        )}
        {round.rubricKey && <Field label={t('round.rubric')}>{round.rubricKey}</Field>}
        <Field label={t('round.aggregation')}>
          {t(`aggregation.${round.aggregation.method}`)}
          {round.aggregation.zScore ? ` + ${t('aggregation.zScore')}` : ''}
        </Field>
      </SimpleGrid>
      <Stack gap={2} mt="xs">
        {WINDOW_KINDS.map((kind) => {
          const w = round.windows[kind];
          if (!w) return null;
          return (
            <Text size="sm" key={kind} data-testid="round-window" data-kind={kind}>
              <Text span fw={500}>
                {t(`windowKind.${kind}`)}:
              </Text>{' '}
              {formatLocalDateTime(w.opensAt, lang)} – {formatLocalDateTime(w.closesAt, lang)}
            </Text>
          );
        })}
      </Stack>
    </Card>
  );
}

import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConfigPrize } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { formatNumber, formatVnd } from '../../lib/format';
import { Section } from '../shared/Section';

export function PrizesSection({ prizes }: { prizes: ConfigPrize[] }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const total = prizes.reduce((s, p) => s + p.count * p.amountVnd, 0);
  return (
    <Section title={t('landing.prizes')} testId="contest-prizes">
      <Stack gap="xs">
        {prizes.map((p) => (
          <Paper key={p.key} withBorder p="xs" data-testid="prize" data-prize={p.key}>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text fw={600} size="sm">
                {pick(p.name)}
              </Text>
              <Text size="sm" data-testid="prize-amount">
                {p.amountVnd > 0 ? formatVnd(p.amountVnd, lang) : t('prizes.noCash')}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {t('prizes.count', { n: formatNumber(p.count, lang) })} · {t(`prizeKind.${p.kind}`)}
            </Text>
          </Paper>
        ))}
        <Text size="sm" fw={600} ta="right" data-testid="prizes-total">
          {t('prizes.total', { amount: formatVnd(total, lang) })}
        </Text>
      </Stack>
    </Section>
  );
}

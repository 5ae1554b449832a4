import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { formatLocalDateTime } from '../../lib/format';

const STATUS_COLOR = { past: 'gray', open: 'orange', upcoming: 'blue' } as const;

export function StaffTimeline({ items }: { items: TimelineItem[] }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  if (items.length === 0) return <Text size="sm">{t('contest.noTimeline')}</Text>;
  return (
    <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} data-testid="timeline">
      {items.map((item) => (
        <Paper
          key={`${item.roundKey}-${item.kind}`}
          component="li"
          withBorder
          p="xs"
          className={item.status === 'open' ? 'staff-open' : undefined}
          data-testid="timeline-item"
          data-status={item.status}
          data-kind={item.kind}
          aria-current={item.status === 'open' ? 'step' : undefined}
        >
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text fw={600} size="sm" c={item.status === 'past' ? 'dimmed' : undefined}>
              {t(`windowKind.${item.kind}`)} · {pick(item.roundName)}
            </Text>
            <Badge color={STATUS_COLOR[item.status]} variant={item.status === 'open' ? 'filled' : 'light'}>
              {t(`windowStatus.${item.status}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {formatLocalDateTime(item.opensAtLocal, lang)} – {formatLocalDateTime(item.closesAtLocal, lang)}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HistoryItem } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { formatInstant } from '../../lib/format';
import { Section } from '../shared/Section';

/** What happened to the entry, newest first. */
export function EntryHistory({ history, timeZone }: { history: HistoryItem[]; timeZone: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  if (history.length === 0) return null;
  const items = [...history].reverse();
  const status = (s: string) => t(`entryStatus.${s}`, { defaultValue: s });
  return (
    <Section title={t('entry.history')} testId="entry-history">
      <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((h, i) => (
          <Stack
            key={`${h.at}-${i}`}
            component="li"
            gap={0}
            pb={6}
            style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            data-testid="history-item"
            data-action={h.action}
          >
            <Text size="xs" c="dimmed">
              {formatInstant(h.at, lang, timeZone)}
            </Text>
            <Text size="sm">
              {t(`historyAction.${h.action.replace(/^entry\./, '').replace(/\./g, '_')}`, {
                defaultValue: h.action,
              })}
              {h.from && h.to ? `: ${status(h.from)} → ${status(h.to)}` : ''}
            </Text>
            {h.reason && (
              <Text size="sm" c="dimmed" fs="italic">
                {h.reason}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
    </Section>
  );
}

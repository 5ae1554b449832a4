import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { entriesQuery } from '../../api/entries';
import { contestQuery } from '../../api/staff';
import type { EntrySummary } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { formatInstant, formatNumber } from '../../lib/format';
import { CenterLoader } from '../CenterLoader';
import { ErrorAlert } from '../ErrorAlert';
import { Section } from '../shared/Section';
import { StatusBadge } from './StatusBadge';

/** A team's entries in one contest, with their status, and the way to start a new one. */
export function MyEntries({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const entries = useQuery(entriesQuery(slug));
  const contest = useQuery(contestQuery(slug));
  const max = contest.data?.config.entryRules.maxEntriesPerTeam;
  const active = entries.data?.filter((e) => e.status !== 'withdrawn').length ?? 0;
  return (
    <Section title={t('entries.myEntries')} testId="my-entries">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed">
            {contest.data ? pick(contest.data.config.title) : ''}
            {max !== undefined &&
              ` · ${t('entries.countOfMax', { n: formatNumber(active, lang), max: formatNumber(max, lang) })}`}
          </Text>
          <Button
            component={Link}
            to={`/app/contests/${encodeURIComponent(slug)}/entries/new`}
            size="sm"
            data-testid="new-entry"
          >
            {t('entries.new')}
          </Button>
        </Group>
        {entries.isPending && <CenterLoader />}
        {entries.error && <ErrorAlert error={entries.error} />}
        {entries.data?.length === 0 && (
          <Text size="sm" data-testid="my-entries-empty">
            {t('entries.none')}
          </Text>
        )}
        {entries.data?.map((e) => (
          <EntryRow key={e.id} entry={e} timeZone={contest.data?.config.timezone} />
        ))}
      </Stack>
    </Section>
  );
}

function EntryRow({ entry, timeZone }: { entry: EntrySummary; timeZone: string | undefined }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  return (
    <Card withBorder padding="sm" data-testid="my-entry" data-id={entry.id} data-status={entry.status}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Anchor component={Link} to={`/app/entries/${encodeURIComponent(entry.id)}`} fw={600}>
          {entry.title}
        </Anchor>
        <StatusBadge status={entry.status} />
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {entry.hasVideo ? t('entries.hasVideo') : t('entries.noVideo')}
        {entry.submittedAt
          ? ` · ${t('entries.submittedAt', { at: formatInstant(entry.submittedAt, lang, timeZone) })}`
          : ''}
      </Text>
    </Card>
  );
}

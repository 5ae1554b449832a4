import { useState } from 'react';
import { Anchor, Badge, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { entriesQuery } from '../../api/entries';
import { contestQuery } from '../../api/staff';
import type { EntryStatus, EntrySummary } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { formatNumber } from '../../lib/format';
import { CenterLoader } from '../CenterLoader';
import { ErrorAlert } from '../ErrorAlert';
import { StatusBadge } from '../entries/StatusBadge';
import { entryRoundOf, nextRoundOf } from '../shared/rounds';

const TO_DO: ReadonlySet<EntryStatus> = new Set(['nominated', 'received']);
const FILTERS = ['todo', 'all', 'returned', 'accepted', 'rejected'] as const;
type Filter = (typeof FILTERS)[number];

/** The secretariat's inbox: entries the districts sent to the organizer's receipt round. */
export function ReceiptInboxPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [filter, setFilter] = useState<Filter>('todo');
  const contest = useQuery(contestQuery(slug));
  const config = contest.data?.config;
  const first = config ? entryRoundOf(config) : undefined;
  const round = config && first ? nextRoundOf(config, first.key) : undefined;
  const entries = useQuery({ ...entriesQuery(slug, { roundKey: round?.key ?? '' }), enabled: !!round });
  if (contest.isPending || (round && entries.isPending)) return <CenterLoader />;
  if (contest.error ?? entries.error) return <ErrorAlert error={contest.error ?? entries.error} />;
  const all = (entries.data ?? []).filter((e) => e.forwarded);
  const shown = all.filter((e) =>
    filter === 'all' ? true : filter === 'todo' ? TO_DO.has(e.status) : e.status === filter,
  );
  const count = (f: Filter) =>
    all.filter((e) => (f === 'all' ? true : f === 'todo' ? TO_DO.has(e.status) : e.status === f)).length;

  return (
    <Stack gap="md" data-testid="receipt-inbox">
      <div>
        <Anchor component={Link} to={`/app/contests/${encodeURIComponent(slug)}`} size="sm">
          ← {config ? pick(config.title) : slug}
        </Anchor>
        <Title order={1} size="h2" mt={4}>
          {t('receipt.inbox')}
        </Title>
        <Text size="sm" c="dimmed">
          {round ? pick(round.name) : t('receipt.noRound')}
        </Text>
      </div>
      <NativeSelect
        label={t('receipt.show')}
        value={filter}
        onChange={(e) => {
          const v = FILTERS.find((f) => f === e.currentTarget.value);
          if (v) setFilter(v);
        }}
        data={FILTERS.map((f) => ({
          value: f,
          label: `${t(`receipt.filter.${f}`)} (${formatNumber(count(f), lang)})`,
        }))}
        data-testid="inbox-filter"
      />
      {shown.length === 0 && (
        <Text size="sm" data-testid="inbox-empty">
          {t('receipt.empty')}
        </Text>
      )}
      {shown.map((e) => (
        <InboxCard key={e.id} entry={e} />
      ))}
    </Stack>
  );
}

function InboxCard({ entry }: { entry: EntrySummary }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid="inbox-entry" data-id={entry.id} data-status={entry.status}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Anchor component={Link} to={`/app/entries/${encodeURIComponent(entry.id)}`} fw={600}>
          {entry.title}
        </Anchor>
        <StatusBadge status={entry.status} />
      </Group>
      <Text size="sm" c="dimmed">
        {entry.teamName} · {entry.orgUnit.name}
      </Text>
      <Badge mt={4} variant="outline" color={entry.hasVideo ? 'green' : 'gray'} tt="none">
        {entry.hasVideo ? t('entries.hasVideo') : t('entries.noVideo')}
      </Badge>
    </Card>
  );
}

import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { entriesKey, entriesQuery, entryCommands, forwardNominations } from '../../api/entries';
import { contestQuery } from '../../api/staff';
import type { EntrySummary } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { errorMessage } from '../../lib/error-message';
import { formatNumber } from '../../lib/format';
import { CenterLoader } from '../CenterLoader';
import { ErrorAlert } from '../ErrorAlert';
import { StatusBadge } from '../entries/StatusBadge';
import { entryRoundOf } from '../shared/rounds';

type Choice = 'nominate' | 'unnominate';

/** A district's entries: compare, nominate within the round's quota, and send the nominees on. */
export function DistrictEntries({ slug, unitId }: { slug: string; unitId: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const client = useQueryClient();
  const contest = useQuery(contestQuery(slug));
  const entries = useQuery(entriesQuery(slug, { scopeUnitId: unitId }));
  const [sent, setSent] = useState<number | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: entriesKey(slug) });
  const choose = useMutation({
    mutationFn: ({ id, action }: { id: string; action: Choice }) => entryCommands[action](id),
    onSuccess: refresh,
  });
  const round = contest.data ? entryRoundOf(contest.data.config) : undefined;
  const forward = useMutation({
    mutationFn: () => forwardNominations(slug, round?.key ?? '', unitId),
    onSuccess: async (r) => {
      setSent(r.forwarded);
      await refresh();
    },
  });
  if (entries.isPending || contest.isPending) return <CenterLoader />;
  if (entries.error ?? contest.error) return <ErrorAlert error={entries.error ?? contest.error} />;

  const list = entries.data.filter((e) => e.status !== 'draft');
  const drafts = entries.data.length - list.length;
  const quota = round?.quotaPerScopeUnit ?? null;
  const used = entries.data.filter(
    (e) => e.status !== 'withdrawn' && (e.forwarded || e.status === 'nominated'),
  );
  const waiting = entries.data.filter((e) => e.status === 'nominated' && !e.forwarded).length;
  const error = choose.error ?? forward.error;
  const n = (v: number) => formatNumber(v, lang);

  return (
    <Stack gap="sm" data-testid="district-entries">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Badge
          size="lg"
          variant="light"
          color={quota !== null && used.length >= quota ? 'green' : 'blue'}
          tt="none"
          data-testid="quota-indicator"
          data-used={used.length}
          data-quota={quota ?? ''}
        >
          {quota === null
            ? t('district.nominatedCount', { n: n(used.length) })
            : t('district.quota', { used: n(used.length), quota: n(quota) })}
        </Badge>
        <Button
          disabled={waiting === 0}
          loading={forward.isPending}
          onClick={() => {
            choose.reset();
            setSent(null);
            forward.mutate();
          }}
          data-testid="forward-nominations"
        >
          {t('district.forward', { n: n(waiting) })}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('district.forwardHint')}
        {drafts > 0 ? ` ${t('district.drafts', { n: n(drafts) })}` : ''}
      </Text>
      {sent !== null && (
        <Alert color="green" data-testid="forward-done">
          {t('district.forwarded', { n: n(sent) })}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert" data-testid="district-entries-error">
          {errorMessage(error, lang, t('errors.generic'))}
        </Alert>
      )}
      {list.length === 0 && <Text size="sm">{t('district.noEntries')}</Text>}
      {list.map((e) => (
        <DistrictEntryCard
          key={e.id}
          entry={e}
          busy={choose.isPending && choose.variables?.id === e.id}
          onChoose={(action) => {
            forward.reset();
            setSent(null);
            choose.mutate({ id: e.id, action });
          }}
        />
      ))}
    </Stack>
  );
}

function DistrictEntryCard(props: { entry: EntrySummary; busy: boolean; onChoose: (a: Choice) => void }) {
  const { entry, busy, onChoose } = props;
  const { t } = useTranslation();
  const open = !entry.forwarded;
  const canNominate = open && (entry.status === 'submitted' || entry.status === 'not_selected');
  const canUnnominate = open && entry.status === 'nominated';
  return (
    <Card withBorder padding="sm" data-testid="district-entry" data-id={entry.id} data-status={entry.status}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/app/entries/${encodeURIComponent(entry.id)}`} fw={600}>
            {entry.title}
          </Anchor>
          <StatusBadge status={entry.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {entry.teamName} · {entry.orgUnit.name}
        </Text>
        <Group gap={6} wrap="wrap">
          <Badge
            variant="outline"
            color={entry.hasVideo ? 'green' : 'gray'}
            tt="none"
            data-testid="has-video"
          >
            {entry.hasVideo ? t('entries.hasVideo') : t('entries.noVideo')}
          </Badge>
          {entry.forwarded && (
            <Badge variant="outline" color="grape" tt="none" data-testid="entry-forwarded">
              {t('entries.forwarded')}
            </Badge>
          )}
        </Group>
        {(canNominate || canUnnominate) && (
          <Group gap="xs" mt={4}>
            {canNominate && (
              <Button size="xs" loading={busy} onClick={() => onChoose('nominate')} data-testid="nominate">
                {t('entryAction.nominate')}
              </Button>
            )}
            {canUnnominate && (
              <Button
                size="xs"
                variant="default"
                loading={busy}
                onClick={() => onChoose('unnominate')}
                data-testid="unnominate"
              >
                {t('entryAction.unnominate')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

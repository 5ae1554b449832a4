import { Anchor, Badge, Button, Card, Checkbox, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { voidVotes, voteReviewQuery } from '../../api/voting-staff';
import { CenterLoader } from '../CenterLoader';
import { ErrorAlert } from '../ErrorAlert';

/** Fraud signals and the vote ledger; the secretariat voids one vote or a selection, with a reason. */
export function FraudPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const review = useQuery(voteReviewQuery(slug));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [limit, setLimit] = useState(100);
  const voiding = useMutation({
    mutationFn: () => voidVotes(slug, [...selected], reason),
    onSuccess: () => {
      setSelected(new Set());
      setReason('');
      setError(null);
      void qc.invalidateQueries({ queryKey: ['vote-review', slug] });
    },
    onError: setError,
  });
  if (review.isPending) return <CenterLoader />;
  if (review.error) return <ErrorAlert error={review.error} />;
  const { signals, votes } = review.data;
  const liveIds = new Set(votes.filter((v) => !v.voided).map((v) => v.id));
  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const recent = [...votes].reverse().slice(0, limit);

  return (
    <Stack gap="md" data-testid="fraud-page">
      <div>
        <Anchor component={Link} to={`/app/contests/${encodeURIComponent(slug)}`} size="sm">
          ← {slug}
        </Anchor>
        <Title order={1} size="h2" mt={4}>
          {t('voting.staff.fraudTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('voting.staff.fraudHint')}
        </Text>
      </div>
      {error !== null && <ErrorAlert error={error} />}
      <Title order={2} size="h4">
        {t('voting.staff.signals', { count: signals.length })}
      </Title>
      {signals.length === 0 && <Text data-testid="no-signals">{t('voting.staff.noSignals')}</Text>}
      {signals.map((s, i) => (
        <Card key={i} withBorder padding="sm" data-testid="fraud-signal">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Badge color="orange">{t(`voting.staff.signal.${s.kind}`)}</Badge>
              <Text size="sm" mt={4}>
                {[
                  s.ip,
                  s.subnet,
                  s.domain,
                  s.entryId && votes.find((v) => v.entryId === s.entryId)?.entryTitle,
                ]
                  .filter(Boolean)
                  .join(' · ')}
                {s.accounts !== undefined && ` · ${t('voting.staff.accounts', { count: s.accounts })}`}
                {s.votes !== undefined &&
                  ` · ${t('voting.staff.burst', { votes: s.votes, baseline: s.baseline ?? 0 })}`}
              </Text>
            </div>
            <Button
              size="xs"
              variant="light"
              onClick={() => setSelected(new Set(s.voteIds.filter((id) => liveIds.has(id))))}
            >
              {t('voting.staff.selectVotes', { count: s.voteIds.length })}
            </Button>
          </Group>
        </Card>
      ))}
      <Card withBorder padding="sm">
        <Stack gap="xs">
          <Text size="sm">{t('voting.staff.selected', { count: selected.size })}</Text>
          <TextInput
            label={t('voting.staff.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="void-reason"
          />
          <Button
            color="red"
            disabled={selected.size === 0 || !reason.trim()}
            loading={voiding.isPending}
            onClick={() => voiding.mutate()}
            data-testid="void-selected"
          >
            {t('voting.staff.void')}
          </Button>
        </Stack>
      </Card>
      <Title order={2} size="h4">
        {t('voting.staff.ledger', { count: votes.length })}
      </Title>
      {recent.map((v) => (
        <Card key={v.id} withBorder padding="xs" data-testid="ledger-row">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Checkbox
              aria-label={t('voting.staff.selectOne')}
              checked={selected.has(v.id)}
              disabled={v.voided}
              onChange={() => toggle(v.id)}
            />
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {v.kind === 'like' ? '♥' : '↗'} {v.entryTitle}
              </Text>
              <Text size="xs" c="dimmed">
                {new Date(v.at).toLocaleString()} · {v.voter} · {v.ip ?? '—'}
                {v.target ? ` · ${v.target}` : ''}
              </Text>
              {v.undone && <Badge size="xs">{t('voting.staff.undone')}</Badge>}
              {v.voided && (
                <Badge size="xs" color="red">
                  {t('voting.staff.voided')}: {v.voidReason}
                </Badge>
              )}
            </div>
          </Group>
        </Card>
      ))}
      {votes.length > limit && (
        <Button variant="subtle" onClick={() => setLimit((l) => l + 200)}>
          {t('voting.staff.more')}
        </Button>
      )}
    </Stack>
  );
}

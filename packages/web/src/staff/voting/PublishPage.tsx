import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { entriesQuery } from '../../api/entries';
import { publishAllAccepted, publishEntry } from '../../api/voting-staff';
import { CenterLoader } from '../CenterLoader';
import { ErrorAlert } from '../ErrorAlert';
import { StatusBadge } from '../entries/StatusBadge';

/** The assistant publishes accepted entries, one by one or all at once. Publishing starts nothing else. */
export function PublishPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const entries = useQuery(entriesQuery(slug));
  const [error, setError] = useState<unknown>(null);
  const done = () => void qc.invalidateQueries({ queryKey: ['entries'] }).then(() => entries.refetch());
  const one = useMutation({ mutationFn: publishEntry, onSuccess: done, onError: setError });
  const all = useMutation({ mutationFn: () => publishAllAccepted(slug), onSuccess: done, onError: setError });
  if (entries.isPending) return <CenterLoader />;
  if (entries.error) return <ErrorAlert error={entries.error} />;
  const shown = entries.data.filter((e) => e.status === 'accepted' || e.status === 'published');
  const accepted = shown.filter((e) => e.status === 'accepted').length;
  return (
    <Stack gap="md" data-testid="publish-page">
      <div>
        <Anchor component={Link} to={`/app/contests/${encodeURIComponent(slug)}`} size="sm">
          ← {slug}
        </Anchor>
        <Title order={1} size="h2" mt={4}>
          {t('voting.staff.publishTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('voting.staff.publishHint')}
        </Text>
      </div>
      {error !== null && <ErrorAlert error={error} />}
      <Button
        onClick={() => all.mutate()}
        loading={all.isPending}
        disabled={accepted === 0}
        data-testid="publish-all"
      >
        {t('voting.staff.publishAll', { count: accepted })}
      </Button>
      {shown.length === 0 && <Text>{t('voting.staff.nothingToPublish')}</Text>}
      {shown.map((e) => (
        <Card key={e.id} withBorder padding="sm" data-testid="publish-row">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Text fw={600}>{e.title}</Text>
              <Text size="sm" c="dimmed">
                {e.orgUnit.name}
              </Text>
            </div>
            {e.status === 'accepted' ? (
              <Button
                size="xs"
                onClick={() => one.mutate(e.id)}
                loading={one.isPending && one.variables === e.id}
              >
                {t('voting.staff.publish')}
              </Button>
            ) : (
              <Group gap="xs">
                <StatusBadge status={e.status} />
                <Anchor
                  component={Link}
                  to={`/c/${encodeURIComponent(slug)}/e/${e.id}`}
                  reloadDocument
                  size="sm"
                >
                  {t('voting.staff.publicPage')}
                </Anchor>
              </Group>
            )}
          </Group>
        </Card>
      ))}
      {accepted === 0 && shown.length > 0 && <Badge variant="light">{t('voting.staff.allPublished')}</Badge>}
    </Stack>
  );
}

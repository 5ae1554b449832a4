import { Anchor, Badge, Card, Grid, Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { juryQueueQuery } from '../../api/judging';
import { useLang } from '../../i18n/use-lang';
import { CenterLoader } from '../CenterLoader';
import { ErrorAlert } from '../ErrorAlert';
import { RecuseButton } from './RecuseButton';
import { ScoreSheet } from './ScoreSheet';

/** A judge's workspace: assigned entries on one side, the selected entry's player and sheet on the other. */
export function JudgeQueuePage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { pick } = useLang();
  const queue = useQuery(juryQueueQuery(slug));
  const [selected, setSelected] = useState<string | null>(null);
  if (queue.isPending) return <CenterLoader />;
  if (queue.error) return <ErrorAlert error={queue.error} />;
  const panels = queue.data.panels;
  const all = panels.flatMap((p) => p.entries.map((e) => ({ panel: p, entry: e })));
  const current =
    all.find((x) => x.entry.id === selected) ??
    all.find((x) => x.entry.sheet.status !== 'submitted') ??
    all[0];
  const recused = panels.flatMap((p) => p.recused);
  const done = all.filter((x) => x.entry.sheet.status === 'submitted').length;
  return (
    <Stack gap="md" data-testid="judge-queue">
      <div>
        <Anchor component={Link} to={`/app/contests/${encodeURIComponent(slug)}`} size="sm">
          ← {slug}
        </Anchor>
        <Title order={1} size="h2">
          {t('judging.queue.title')}
        </Title>
        <Text size="sm" c="dimmed" data-testid="queue-progress">
          {t('judging.queue.progress', { done, total: all.length })}
        </Text>
      </div>
      {all.length === 0 ? <Text>{t('judging.queue.empty')}</Text> : null}
      {recused.length > 0 ? (
        <Text size="xs" c="dimmed" data-testid="recused-list">
          {t('judging.recuse.list')} {recused.map((r) => `${r.title} (${r.reason})`).join(' · ')}
        </Text>
      ) : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="xs" role="list">
            {all.map(({ entry, panel }) => (
              <UnstyledButton
                key={entry.id}
                onClick={() => setSelected(entry.id)}
                role="listitem"
                data-testid="queue-entry"
                data-status={entry.sheet.status}
              >
                <Card withBorder padding="xs" bg={current?.entry.id === entry.id ? 'blue.0' : undefined}>
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <div style={{ minWidth: 0 }}>
                      <Text fw={600} size="sm" truncate>
                        {entry.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {entry.unitName} · {pick(panel.roundName)}
                      </Text>
                    </div>
                    <Badge
                      style={{ flexShrink: 0 }}
                      size="sm"
                      color={
                        entry.sheet.status === 'submitted'
                          ? 'green'
                          : entry.sheet.status === 'draft'
                            ? 'yellow'
                            : 'gray'
                      }
                    >
                      {t(`judging.status.${entry.sheet.status}`)}
                    </Badge>
                  </Group>
                </Card>
              </UnstyledButton>
            ))}
          </Stack>
        </Grid.Col>
        {current && current.panel.rubric ? (
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <Stack gap="xs">
                  <Title order={2} size="h3" data-testid="current-title">
                    {current.entry.title}
                  </Title>
                  {current.entry.hasVideo ? (
                    <video
                      controls
                      preload="metadata"
                      style={{ width: '100%', background: '#000', borderRadius: 4 }}
                      src={`/api/entries/${encodeURIComponent(current.entry.id)}/media/original`}
                    />
                  ) : (
                    <Text size="sm" c="dimmed">
                      {t('judging.queue.noVideo')}
                    </Text>
                  )}
                  <Text size="sm">{current.entry.synopsis}</Text>
                  <Text size="xs" c="dimmed">
                    {current.entry.credits}
                  </Text>
                  <Group justify="space-between" gap="xs" wrap="wrap">
                    <Anchor
                      component={Link}
                      to={`/app/entries/${encodeURIComponent(current.entry.id)}`}
                      size="sm"
                    >
                      {t('judging.queue.technical')}
                    </Anchor>
                    {current.panel.status === 'open' && current.entry.sheet.status !== 'submitted' ? (
                      <RecuseButton slug={slug} entryId={current.entry.id} title={current.entry.title} />
                    ) : null}
                  </Group>
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <ScoreSheet
                  key={current.entry.id}
                  slug={slug}
                  entry={current.entry}
                  rubric={current.panel.rubric}
                  open={current.panel.status === 'open'}
                />
              </Grid.Col>
            </Grid>
          </Grid.Col>
        ) : null}
      </Grid>
    </Stack>
  );
}

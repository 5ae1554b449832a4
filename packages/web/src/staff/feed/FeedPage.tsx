import { Button, Group, Stack, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FEED_KEY, feedQuery, markFeedRead } from '../../api/entries';
import { CenterLoader } from '../CenterLoader';
import { ErrorAlert } from '../ErrorAlert';
import { FeedList } from './FeedList';

export function FeedPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const feed = useQuery(feedQuery());
  const read = useMutation({
    mutationFn: markFeedRead,
    onSuccess: () => client.invalidateQueries({ queryKey: FEED_KEY }),
  });
  const unread = feed.data?.filter((i) => !i.read).length ?? 0;
  return (
    <Stack gap="md" data-testid="feed-page">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Title order={1} size="h2">
          {t('feed.title')}
        </Title>
        <Button
          variant="default"
          size="sm"
          disabled={unread === 0}
          loading={read.isPending}
          onClick={() => read.mutate()}
          data-testid="feed-mark-read"
        >
          {t('feed.markRead')}
        </Button>
      </Group>
      {feed.isPending && <CenterLoader />}
      {feed.error && <ErrorAlert error={feed.error} />}
      {feed.data && <FeedList items={feed.data} />}
    </Stack>
  );
}

import { Anchor, Badge, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { feedQuery } from '../../api/entries';
import { Section } from '../shared/Section';
import { FeedList } from './FeedList';

/** The latest notices on the home page, with the unread count. */
export function HomeFeed() {
  const { t } = useTranslation();
  const feed = useQuery(feedQuery());
  if (!feed.data) return null;
  const unread = feed.data.filter((i) => !i.read).length;
  return (
    <Section
      title={
        <Group gap="xs">
          {t('feed.title')}
          {unread > 0 && (
            <Badge color="red" tt="none" data-testid="home-feed-unread">
              {t('feed.unread', { n: unread })}
            </Badge>
          )}
        </Group>
      }
      testId="home-feed"
    >
      <Stack gap="xs">
        <FeedList items={feed.data.slice(0, 3)} />
        {feed.data.length > 0 && (
          <Anchor component={Link} to="/app/feed" size="sm" data-testid="home-feed-all">
            {t('feed.all')}
          </Anchor>
        )}
      </Stack>
    </Section>
  );
}

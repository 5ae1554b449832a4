import { ActionIcon, Indicator } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { feedQuery } from '../../api/entries';

/** The header's bell: the number of unread notices, opening the feed. */
export function FeedBell() {
  const { t } = useTranslation();
  const feed = useQuery(feedQuery());
  const unread = feed.data?.filter((i) => !i.read).length ?? 0;
  return (
    <Indicator
      label={unread > 99 ? '99+' : unread}
      disabled={unread === 0}
      size={18}
      color="red"
      offset={4}
      data-testid="feed-unread"
      data-count={unread}
    >
      <ActionIcon
        component={Link}
        to="/app/feed"
        variant="subtle"
        size="lg"
        aria-label={t('feed.bell', { n: unread })}
        data-testid="feed-bell"
      >
        <svg
          width="22"
          height="22"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
      </ActionIcon>
    </Indicator>
  );
}

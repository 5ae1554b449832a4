import { Anchor, Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FeedItem } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { formatInstant } from '../../lib/format';

/** Notices, newest first; unread ones stand out. */
export function FeedList({ items }: { items: FeedItem[] }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  if (items.length === 0)
    return (
      <Text size="sm" data-testid="feed-empty">
        {t('feed.empty')}
      </Text>
    );
  return (
    <Stack gap="xs">
      {items.map((item) => (
        <Card
          key={item.id}
          withBorder
          padding="xs"
          className={item.read ? undefined : 'staff-unread'}
          data-testid="feed-item"
          data-read={item.read}
        >
          <Text size="xs" c="dimmed">
            {formatInstant(item.at, lang)}
            {item.read ? '' : ` · ${t('feed.new')}`}
          </Text>
          {item.entryId ? (
            <Anchor
              component={Link}
              to={`/app/entries/${encodeURIComponent(item.entryId)}`}
              fw={600}
              size="sm"
            >
              {pick(item.title)}
            </Anchor>
          ) : (
            <Text fw={600} size="sm">
              {pick(item.title)}
            </Text>
          )}
          <Text size="sm">{pick(item.body)}</Text>
        </Card>
      ))}
    </Stack>
  );
}

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntryStatus } from '../../api/types';

const COLOR: Record<EntryStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  nominated: 'grape',
  not_selected: 'gray',
  received: 'cyan',
  accepted: 'green',
  returned: 'orange',
  rejected: 'red',
  published: 'teal',
  scored: 'indigo',
  finalist: 'violet',
  awarded: 'yellow',
  withdrawn: 'dark',
  disqualified: 'red',
};

export function StatusBadge({ status }: { status: EntryStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLOR[status]}
      variant="light"
      tt="none"
      style={{ flexShrink: 0 }}
      data-testid="entry-status"
      data-status={status}
    >
      {t(`entryStatus.${status}`)}
    </Badge>
  );
}

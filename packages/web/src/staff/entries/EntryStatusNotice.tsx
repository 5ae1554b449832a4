import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntryView } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { formatInstant } from '../../lib/format';

/** Why the entry is where it is: the reason given, and for a returned entry the deadline to fix it. */
export function EntryStatusNotice({ entry, timeZone }: { entry: EntryView; timeZone: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const returned = entry.status === 'returned';
  if (!entry.statusReason && !returned) return null;
  return (
    <Alert
      color={returned ? 'orange' : entry.status === 'rejected' ? 'red' : 'gray'}
      title={t(`entryStatus.${entry.status}`)}
      data-testid="entry-status-notice"
    >
      {entry.statusReason && (
        <Text size="sm" data-testid="entry-status-reason">
          {t('entry.reason')}: {entry.statusReason}
        </Text>
      )}
      {returned && entry.fixDeadline && (
        <Text size="sm" fw={600} mt={4} data-testid="entry-fix-deadline">
          {t('entry.fixBy', { at: formatInstant(entry.fixDeadline, lang, timeZone) })}
        </Text>
      )}
      {returned && (
        <Text size="sm" mt={4}>
          {t('entry.returnedHint')}
        </Text>
      )}
    </Alert>
  );
}

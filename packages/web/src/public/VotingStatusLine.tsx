import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n/use-lang';
import { formatLocalDateTime } from '../lib/format';

interface Voting {
  status: 'none' | 'upcoming' | 'open' | 'closed';
  opensAtLocal: string | null;
  closesAtLocal: string | null;
  countsHidden: boolean;
}

export function VotingStatusLine({ voting }: { voting: Voting }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  if (voting.status === 'none') return null;
  const from = voting.opensAtLocal ? formatLocalDateTime(voting.opensAtLocal, lang) : '';
  const to = voting.closesAtLocal ? formatLocalDateTime(voting.closesAtLocal, lang) : '';
  return (
    <p className="voting-status" data-testid="voting-status" data-status={voting.status}>
      {t(`voting.status.${voting.status}`, { from, to })}
      {voting.countsHidden && <> {t('voting.countsHidden')}</>}
    </p>
  );
}

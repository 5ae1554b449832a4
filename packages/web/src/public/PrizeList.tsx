import { useTranslation } from 'react-i18next';
import type { Prize } from '../api/types';
import { useLang } from '../i18n/use-lang';
import { formatNumber, formatVnd } from '../lib/format';

export function PrizeList({ prizes }: { prizes: Prize[] }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  return (
    <ul className="prizes" data-testid="prizes">
      {prizes.map((p) => (
        <li key={p.key} className="prize" data-testid="prize">
          <span className="prize-name">{pick(p.name)}</span>
          <span className="prize-count">{t('prizes.count', { n: formatNumber(p.count, lang) })}</span>
          <span className="prize-amount">
            {p.amountVnd > 0
              ? t('prizes.amountEach', { amount: formatVnd(p.amountVnd, lang) })
              : t('prizes.noCash')}
          </span>
        </li>
      ))}
    </ul>
  );
}

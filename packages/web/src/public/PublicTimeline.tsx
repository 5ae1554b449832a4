import { useTranslation } from 'react-i18next';
import type { TimelineItem } from '../api/types';
import { useLang } from '../i18n/use-lang';
import { formatLocalDateTime } from '../lib/format';

export function PublicTimeline({ items }: { items: TimelineItem[] }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  return (
    <ol className="timeline" data-testid="timeline">
      {items.map((item) => (
        <li
          key={`${item.roundKey}-${item.kind}`}
          className={`timeline-item is-${item.status}`}
          data-testid="timeline-item"
          data-status={item.status}
          data-kind={item.kind}
          aria-current={item.status === 'open' ? 'step' : undefined}
        >
          <span className="timeline-dot" aria-hidden="true" />
          <div className="timeline-body">
            <div className="timeline-head">
              <span className="timeline-kind">{t(`windowKind.${item.kind}`)}</span>
              <span className={`status-badge is-${item.status}`} data-testid="timeline-status">
                {t(`windowStatus.${item.status}`)}
              </span>
            </div>
            <div className="timeline-round">{pick(item.roundName)}</div>
            <div className="timeline-dates">
              <time dateTime={item.opensAt}>{formatLocalDateTime(item.opensAtLocal, lang)}</time>
              {' – '}
              <time dateTime={item.closesAt}>{formatLocalDateTime(item.closesAtLocal, lang)}</time>
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}

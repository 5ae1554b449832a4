import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import { publicContestsQuery } from '../api/public';
import { useLang } from '../i18n/use-lang';
import { errorMessage } from '../lib/error-message';
import { PublicLayout } from './PublicLayout';

export function ContestListPage() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const { search } = useLocation();
  const { data, error, isPending } = useQuery(publicContestsQuery());

  const only = data?.contests.length === 1 ? data.contests[0] : undefined;
  if (only) return <Navigate to={`/c/${encodeURIComponent(only.slug)}${search}`} replace />;

  return (
    <PublicLayout>
      <h1 className="pub-title">{t('contests.title')}</h1>
      {isPending && <p role="status">{t('common.loading')}</p>}
      {error && (
        <p className="pub-error" role="alert">
          {errorMessage(error, lang, t('errors.loadFailed'))}
        </p>
      )}
      {data && data.contests.length === 0 && <p>{t('contests.none')}</p>}
      {data && data.contests.length > 0 && (
        <ul className="contest-list" data-testid="contest-list">
          {data.contests.map((c) => (
            <li key={c.slug}>
              <Link to={`/c/${encodeURIComponent(c.slug)}${search}`} className="contest-card">
                <strong>{pick(c.title)}</strong>
                <span>{pick(c.theme)}</span>
                <span className="contest-phase">
                  {t('landing.phaseNow')} {t(`phase.${c.phase}`)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </PublicLayout>
  );
}

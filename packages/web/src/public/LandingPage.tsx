import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/errors';
import { publicResultsStatusQuery } from '../api/judging';
import { publicContestQuery } from '../api/public';
import { useLang } from '../i18n/use-lang';
import { errorMessage } from '../lib/error-message';
import { formatLocalDateTime } from '../lib/format';
import { PrizeList } from './PrizeList';
import { PublicLayout } from './PublicLayout';
import { PublicTimeline } from './PublicTimeline';
import { RulesText } from './RulesText';
import './landing.css';

export function LandingPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const { data, error, isPending } = useQuery(publicContestQuery(slug));
  const results = useQuery(publicResultsStatusQuery(slug));

  const title = data ? pick(data.title) : '';
  useEffect(() => {
    document.title = title ? `${title} · clipcontest` : 'clipcontest';
  }, [title]);

  if (isPending) {
    return (
      <PublicLayout>
        <p role="status">{t('common.loading')}</p>
      </PublicLayout>
    );
  }
  if (error) {
    const notFound = isApiError(error) && error.status === 404;
    return (
      <PublicLayout>
        <p className="pub-error" role="alert" data-testid={notFound ? 'not-found' : 'load-error'}>
          {notFound ? t('landing.notFound') : errorMessage(error, lang, t('errors.loadFailed'))}
        </p>
      </PublicLayout>
    );
  }

  const openNow = data.timeline.filter((i) => i.status === 'open');
  return (
    <PublicLayout>
      <article className="landing">
        <header className="hero">
          <p className="hero-organizer" data-testid="landing-organizer">
            {pick(data.organizer.name)}
            {data.organizer.place ? ` · ${data.organizer.place}` : ''}
          </p>
          <h1 className="hero-title" data-testid="landing-title">
            {title}
          </h1>
          <p className="hero-theme" data-testid="landing-theme">
            {pick(data.theme)}
          </p>
          <p className="hero-phase">
            {t('landing.phaseNow')}{' '}
            <span className="phase-badge" data-testid="landing-phase" data-phase={data.phase}>
              {t(`phase.${data.phase}`)}
            </span>
          </p>
          {openNow.map((i) => (
            <p key={`${i.roundKey}-${i.kind}`} className="open-now" data-testid="open-now">
              <strong>
                {t('landing.openNow', { what: t(`windowKind.${i.kind}`), round: pick(i.roundName) })}
              </strong>{' '}
              {t('landing.until', { time: formatLocalDateTime(i.closesAtLocal, lang) })}
            </p>
          ))}
          <Link to={`/c/${slug}/entries`} className="gallery-cta" data-testid="landing-gallery">
            {t('public.gallery.cta')}
          </Link>
          {results.data?.published ? (
            <p className="open-now">
              <Link to={`/c/${encodeURIComponent(slug)}/results`} data-testid="landing-results-link">
                {t('results.landingLink')}
              </Link>
            </p>
          ) : null}
        </header>

        <section className="pub-section" aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">{t('landing.timeline')}</h2>
          <p className="pub-note">{t('landing.timezoneNote', { tz: data.timezone })}</p>
          <PublicTimeline items={data.timeline} />
        </section>

        {data.prizes.length > 0 && (
          <section className="pub-section" aria-labelledby="prizes-heading">
            <h2 id="prizes-heading">{t('landing.prizes')}</h2>
            <PrizeList prizes={data.prizes} />
          </section>
        )}

        <section className="pub-section" aria-labelledby="rules-heading">
          <h2 id="rules-heading">{t('landing.rules')}</h2>
          <RulesText text={pick(data.rulesText)} />
        </section>
      </article>
    </PublicLayout>
  );
}

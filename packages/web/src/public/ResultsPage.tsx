import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { publicResultsQuery, resultsFiles } from '../api/judging';
import { publicContestQuery } from '../api/public';
import { useLang } from '../i18n/use-lang';
import { errorMessage } from '../lib/error-message';
import { formatNumber } from '../lib/format';
import { PublicLayout } from './PublicLayout';
import './results.css';

/** Approved results, with the breakdown per entry and the downloads. Light: no component library. */
export function ResultsPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const contest = useQuery(publicContestQuery(slug));
  const results = useQuery(publicResultsQuery(slug));
  const title = contest.data ? pick(contest.data.title) : '';
  useEffect(() => {
    document.title = title ? `${t('results.title')} · ${title}` : 'clipcontest';
  }, [title, t]);
  const n = (v: number) => formatNumber(v, lang, 4);
  return (
    <PublicLayout>
      <article className="results">
        <p>
          <Link to={`/c/${encodeURIComponent(slug)}`}>← {title || slug}</Link>
        </p>
        <h1>{t('results.title')}</h1>
        {results.isPending ? <p role="status">{t('common.loading')}</p> : null}
        {results.error ? (
          <p className="pub-error" role="alert">
            {errorMessage(results.error, lang, t('errors.loadFailed'))}
          </p>
        ) : null}
        {results.data?.panels.length === 0 ? <p data-testid="results-none">{t('results.none')}</p> : null}
        {results.data?.panels.map((p) => {
          const ref = { slug, roundKey: p.roundKey, unit: p.pool === 'contest' ? undefined : p.pool };
          return (
            <section key={p.panelId} data-testid="results-panel">
              <h2>
                {pick(p.roundName)}
                {p.poolName ? ` — ${p.poolName}` : ''}
              </h2>
              <p className="results-basis">
                {t('results.basis', {
                  jury: n(p.basis.juryMaxPoints),
                  audience: n(p.basis.audienceMaxPoints),
                })}
              </p>
              <ol className="results-list">
                {p.rows.map((r) => (
                  <li
                    key={r.entryId}
                    data-testid="public-result-row"
                    className={r.finalist ? 'finalist' : ''}
                  >
                    <span className="results-rank">
                      {r.rank}
                      {r.finalist ? ' ★' : ''}
                    </span>
                    <div className="results-body">
                      <strong>{r.title}</strong>
                      <small>{r.unitName}</small>
                      <span className="results-points">
                        {t('results.jury')} {n(r.jury.points)} · {t('results.audience')}{' '}
                        {n(r.audience.points)} <small>({t('results.raw', { raw: n(r.audience.raw) })})</small>
                      </span>
                    </div>
                    <span className="results-final">
                      <small>{t('results.final')}</small>
                      {n(r.final)}
                    </span>
                  </li>
                ))}
              </ol>
              {p.finalistCount !== null ? <p>{t('results.finalistNote')}</p> : null}
              {p.swaps.map((s) => (
                <p key={`${s.out}-${s.in}`} className="results-swap">
                  {t('results.swap', { outRank: s.outRank, inRank: s.inRank, reason: s.reason })}
                </p>
              ))}
              <p className="results-downloads">
                <a href={resultsFiles.final(ref)} data-testid="download-final-pdf">
                  PDF
                </a>{' '}
                · <a href={resultsFiles.xlsx(ref)}>.xlsx</a> · <a href={resultsFiles.csv(ref)}>CSV</a>
              </p>
            </section>
          );
        })}
      </article>
    </PublicLayout>
  );
}

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
              <div className="results-scroll">
                <table className="results-table">
                  <thead>
                    <tr>
                      <th>{t('results.rank')}</th>
                      <th>{t('results.entry')}</th>
                      <th className="num">{t('results.jury')}</th>
                      <th className="num">{t('results.audience')}</th>
                      <th className="num">{t('results.final')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {p.rows.map((r) => (
                      <tr
                        key={r.entryId}
                        data-testid="public-result-row"
                        className={r.finalist ? 'finalist' : ''}
                      >
                        <td>
                          {r.rank}
                          {r.finalist ? ' ★' : ''}
                        </td>
                        <td>
                          <strong>{r.title}</strong>
                          <br />
                          <small>{r.unitName}</small>
                        </td>
                        <td className="num">{n(r.jury.points)}</td>
                        <td className="num">
                          {n(r.audience.points)}
                          <br />
                          <small>{t('results.raw', { raw: n(r.audience.raw) })}</small>
                        </td>
                        <td className="num">
                          <strong>{n(r.final)}</strong>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
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

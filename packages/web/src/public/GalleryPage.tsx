import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { galleryQuery, type GallerySort } from '../api/voting';
import { useLang } from '../i18n/use-lang';
import { errorMessage } from '../lib/error-message';
import { PublicLayout } from './PublicLayout';
import { VotingStatusLine } from './VotingStatusLine';
import './voting.css';

/** Published entries: filter by district, search by title or commune, newest or most liked first. */
export function GalleryPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [params, setParams] = useSearchParams();
  const district = params.get('district') ?? '';
  const sort: GallerySort = params.get('sort') === 'likes' ? 'likes' : 'newest';
  const [q, setQ] = useState(params.get('q') ?? '');
  const query = useQuery({
    ...galleryQuery(slug, { district, q: params.get('q') ?? '', sort }),
    placeholderData: keepPreviousData,
  });
  const data = query.data;

  useEffect(() => {
    const id = setTimeout(() => {
      if ((params.get('q') ?? '') === q) return;
      const next = new URLSearchParams(params);
      if (q) next.set('q', q);
      else next.delete('q');
      setParams(next, { replace: true });
    }, 300);
    return () => clearTimeout(id);
  }, [q, params, setParams]);

  useEffect(() => {
    if (data) document.title = `${t('public.gallery.title')} · ${pick(data.contest.title)}`;
  }, [data, pick, t]);

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <PublicLayout>
      <div className="gallery">
        <p className="crumb">
          <Link to={`/c/${slug}`}>{data ? pick(data.contest.title) : t('public.gallery.back')}</Link>
        </p>
        <h1>{t('public.gallery.title')}</h1>
        <form className="gallery-filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <label>
            <span className="sr-only">{t('public.gallery.search')}</span>
            <input
              type="search"
              placeholder={t('public.gallery.search')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
              data-testid="gallery-search"
            />
          </label>
          <label>
            <span className="sr-only">{t('public.gallery.district')}</span>
            <select
              value={district}
              onChange={(e) => set('district', e.target.value)}
              data-testid="gallery-district"
            >
              <option value="">{t('public.gallery.allDistricts')}</option>
              {data?.districts.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="sr-only">{t('public.gallery.sort')}</span>
            <select value={sort} onChange={(e) => set('sort', e.target.value)} data-testid="gallery-sort">
              <option value="newest">{t('public.gallery.newest')}</option>
              {!data?.voting.countsHidden && <option value="likes">{t('public.gallery.mostLiked')}</option>}
            </select>
          </label>
        </form>
        {/* Below the filters, not above: content arriving must not push what is already on screen. */}
        {data && <VotingStatusLine voting={data.voting} />}
        {query.isPending && <p role="status">{t('common.loading')}</p>}
        {query.error && (
          <p role="alert" className="pub-error">
            {errorMessage(query.error, lang, t('errors.loadFailed'))}
          </p>
        )}
        {data && data.entries.length === 0 && <p data-testid="gallery-empty">{t('public.gallery.empty')}</p>}
        <ul className="gallery-list" data-testid="gallery-list">
          {data?.entries.map((e) => (
            <li key={e.id} className="gallery-card">
              <Link to={`/c/${slug}/e/${e.id}`} className="gallery-link" data-testid="gallery-entry">
                <div className="poster" aria-hidden="true">
                  {e.media.posterUrl ? <img src={e.media.posterUrl} alt="" loading="lazy" /> : <span>▶</span>}
                </div>
                <div className="gallery-text">
                  <h2>{e.title}</h2>
                  <p className="pub-note">
                    {[e.commune?.name, e.district?.name].filter(Boolean).join(' · ')}
                  </p>
                  {e.likes !== null && (
                    <p
                      className="counts"
                      aria-label={t('voting.counts', { likes: e.likes, shares: e.shares ?? 0 })}
                    >
                      ♥ {e.likes.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')} · ↗{' '}
                      {(e.shares ?? 0).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}
                    </p>
                  )}
                </div>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </PublicLayout>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/errors';
import { VideoPlayer } from '../components/VideoPlayer';
import { castVote, publicEntryQuery, voterQuery, type ShareTarget } from '../api/voting';
import { useLang } from '../i18n/use-lang';
import { errorMessage } from '../lib/error-message';
import { PublicLayout } from './PublicLayout';
import { VerifyVoter } from './VerifyVoter';
import { VotingStatusLine } from './VotingStatusLine';
import './voting.css';

type Pending = { action: 'like' | 'unlike' } | { action: 'share'; target: ShareTarget };

/** The public page of one entry: player, synopsis, team and place, like and share. */
export function EntryPublicPage() {
  const { slug = '', id = '' } = useParams();
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const queryClient = useQueryClient();
  const entry = useQuery(publicEntryQuery(id));
  const voter = useQuery(voterQuery());
  const [verifying, setVerifying] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const data = entry.data;
  const shareUrl = `${window.location.origin}/c/${slug}/e/${id}`;

  useEffect(() => {
    if (data) document.title = `${data.title} · ${pick(data.contest.title)}`;
  }, [data, pick]);

  // `verified`: called right after verification, before this render's voter query has caught up.
  const act = async (p: Pending, verified = false) => {
    if (!verified && !voter.data?.voter) {
      setVerifying(p);
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const r = await castVote(id, p.action, p.action === 'share' ? p.target : undefined);
      queryClient.setQueryData(publicEntryQuery(id).queryKey, (old) =>
        old ? { ...old, likes: r.likes, shares: r.shares, mine: { liked: r.liked, shared: r.shared } } : old,
      );
      void queryClient.invalidateQueries({ queryKey: ['public', 'gallery'] });
      if (p.action === 'share') setMessage({ kind: 'ok', text: t('voting.shared') });
    } catch (e) {
      if (isApiError(e) && e.code === 'voter_unauthenticated') {
        await queryClient.invalidateQueries({ queryKey: ['voter'] });
        setVerifying(p);
      } else setMessage({ kind: 'error', text: errorMessage(e, lang, t('errors.generic')) });
    } finally {
      setBusy(false);
    }
  };

  const share = async (target: ShareTarget) => {
    if (target === 'facebook')
      window.open(
        `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(shareUrl)}`,
        '_blank',
        'noopener',
      );
    else if (target === 'zalo' && typeof navigator.share === 'function')
      await navigator.share({ title: data?.title ?? '', url: shareUrl }).catch(() => undefined);
    else await navigator.clipboard?.writeText(shareUrl).catch(() => undefined);
    if (target !== 'facebook') setMessage({ kind: 'ok', text: t('voting.linkCopied') });
    await act({ action: 'share', target });
  };

  if (entry.isPending)
    return (
      <PublicLayout>
        <p role="status">{t('common.loading')}</p>
      </PublicLayout>
    );
  if (entry.error || !data)
    return (
      <PublicLayout>
        <p role="alert" className="pub-error" data-testid="entry-error">
          {isApiError(entry.error) && entry.error.status === 404
            ? t('public.entry.notFound')
            : errorMessage(entry.error, lang, t('errors.loadFailed'))}
        </p>
      </PublicLayout>
    );

  const open = data.voting.status === 'open';
  const liked = data.mine?.liked ?? false;
  const place = [data.commune?.name, data.district?.name].filter(Boolean).join(' · ');
  const n = (x: number) => x.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');

  return (
    <PublicLayout>
      <article className="entry-public">
        <p className="crumb">
          <Link to={`/c/${slug}/entries`}>← {t('public.entry.backToGallery')}</Link>
        </p>
        <div className="player">
          {data.media.videoUrl || data.media.hlsUrl ? (
            <VideoPlayer
              hlsUrl={data.media.hlsUrl}
              mp4Url={data.media.videoUrl}
              posterUrl={data.media.posterUrl}
              tracks={data.media.tracks}
              width={data.media.width}
              height={data.media.height}
            />
          ) : (
            <div className="player-placeholder" data-testid="player-placeholder">
              {t('public.entry.videoSoon')}
            </div>
          )}
        </div>
        <h1 data-testid="entry-title">{data.title}</h1>
        <p className="pub-note" data-testid="entry-place">
          {data.teamName}
          {place ? ` — ${place}` : ''}
        </p>
        <VotingStatusLine voting={data.voting} />

        <div className="vote-bar" aria-label={t('voting.actions')}>
          <button
            type="button"
            className={`btn vote-like${liked ? ' is-on' : ''}`}
            aria-pressed={liked}
            disabled={!open || busy}
            onClick={() => void act({ action: liked ? 'unlike' : 'like' })}
            data-testid="like-button"
          >
            ♥ {liked ? t('voting.liked') : t('voting.like')}
            {data.likes !== null && (
              <span className="count" data-testid="like-count">
                {' '}
                {n(data.likes)}
              </span>
            )}
          </button>
          <span className="share-count" data-testid="share-count">
            {data.shares !== null
              ? t('voting.sharesCount', { count: data.shares })
              : t('voting.countsHiddenShort')}
          </span>
        </div>
        <div className="share-bar">
          <span>{t('voting.shareOn')}</span>
          {(['facebook', 'zalo', 'copy'] as const).map((target) => (
            <button
              key={target}
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => void share(target)}
              data-testid={`share-${target}`}
            >
              {t(`voting.target.${target}`)}
            </button>
          ))}
        </div>
        {message && (
          <p
            role={message.kind === 'error' ? 'alert' : 'status'}
            className={message.kind === 'error' ? 'pub-error' : 'pub-ok'}
            data-testid="vote-message"
          >
            {message.text}
          </p>
        )}
        {verifying && (
          <VerifyVoter
            onCancel={() => setVerifying(null)}
            onDone={() => {
              const p = verifying;
              setVerifying(null);
              void voter.refetch().then(() => act(p, true));
            }}
          />
        )}
        {voter.data?.voter && (
          <p className="pub-note" data-testid="voter-line">
            {t('voting.signedInAs', { address: voter.data.voter.address })}
          </p>
        )}

        <section className="pub-section">
          <h2>{t('public.entry.synopsis')}</h2>
          {data.synopsis.split(/\n{2,}/).map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
        {(data.members.length > 0 || data.credits) && (
          <section className="pub-section">
            <h2>{t('public.entry.team')}</h2>
            <ul>
              {data.members.map((m, i) => (
                <li key={i}>
                  {m.name}
                  {m.position ? ` — ${m.position}` : ''}
                </li>
              ))}
            </ul>
            {data.credits && <p className="pub-note">{data.credits}</p>}
          </section>
        )}
      </article>
    </PublicLayout>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './video-player.css';

export interface VideoTrack {
  lang: string;
  label: string;
  url: string;
}

export interface VideoPlayerProps {
  hlsUrl?: string | null | undefined;
  mp4Url?: string | null | undefined;
  posterUrl?: string | null | undefined;
  tracks?: VideoTrack[] | undefined;
  /** Display size of the clip, so vertical clips are laid out vertical before anything loads. */
  width?: number | null | undefined;
  height?: number | null | undefined;
}

type Engine = 'idle' | 'native-hls' | 'hls.js' | 'mp4';

interface HlsLike {
  loadSource(url: string): void;
  attachMedia(el: HTMLMediaElement): void;
  destroy(): void;
}

/**
 * Plays a clip anywhere: native HLS where the browser has it (Safari, iOS, most Android browsers), hls.js
 * where it does not, the MP4 otherwise. Nothing is fetched before the viewer presses play — not the video,
 * not hls.js (its own lazy chunk) — so a page of clips stays light on a phone over 3G.
 */
export function VideoPlayer({ hlsUrl, mp4Url, posterUrl, tracks = [], width, height }: VideoPlayerProps) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const hls = useRef<HlsLike | null>(null);
  const [engine, setEngine] = useState<Engine>('idle');
  const [failed, setFailed] = useState(false);

  useEffect(
    () => () => {
      hls.current?.destroy();
      hls.current = null;
    },
    [],
  );

  async function start() {
    const el = video.current;
    if (!el) return;
    try {
      if (hlsUrl && el.canPlayType('application/vnd.apple.mpegurl')) {
        el.src = hlsUrl;
        setEngine('native-hls');
      } else if (hlsUrl) {
        const { default: Hls } = await import('hls.js');
        if (Hls.isSupported()) {
          const player = new Hls({ capLevelToPlayerSize: true });
          player.loadSource(hlsUrl);
          player.attachMedia(el);
          hls.current = player;
          setEngine('hls.js');
        } else if (mp4Url) {
          el.src = mp4Url;
          setEngine('mp4');
        }
      } else if (mp4Url) {
        el.src = mp4Url;
        setEngine('mp4');
      }
      await el.play();
    } catch (e) {
      // Autoplay refusals leave the controls to the viewer; anything else is a failure to say so.
      if (!(e instanceof DOMException && e.name === 'NotAllowedError')) setFailed(true);
    }
  }

  const vertical = !!width && !!height && height > width;
  const ratio = width && height ? `${width} / ${height}` : '16 / 9';
  return (
    <div
      className={`cc-player${vertical ? ' cc-player--vertical' : ''}`}
      style={{ aspectRatio: ratio }}
      data-testid="video-player"
      data-engine={engine}
      data-orientation={vertical ? 'vertical' : 'horizontal'}
    >
      <video
        ref={video}
        className="cc-player__video"
        controls={engine !== 'idle'}
        playsInline
        preload="none"
        poster={posterUrl ?? undefined}
        onError={() => setFailed(engine !== 'idle')}
      >
        {tracks.map((tr, i) => (
          <track
            key={tr.url}
            kind="subtitles"
            src={tr.url}
            srcLang={tr.lang}
            label={tr.label}
            default={i === 0}
          />
        ))}
      </video>
      {engine === 'idle' && (
        <button
          type="button"
          className="cc-player__play"
          onClick={() => void start()}
          data-testid="video-play"
        >
          <span aria-hidden="true">▶</span>
          <span className="cc-player__sr">{t('media.player.play')}</span>
        </button>
      )}
      {failed && (
        <p className="cc-player__error" role="alert">
          {t('media.player.error')}
        </p>
      )}
    </div>
  );
}

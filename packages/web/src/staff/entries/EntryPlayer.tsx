import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntryView } from '../../api/types';

/**
 * Plays the uploaded original from the authorized media endpoint (the session cookie goes with it; range
 * requests let the browser seek). A WebVTT subtitle is offered as a track; SRT needs the media pipeline.
 */
export function EntryPlayer({ entry }: { entry: EntryView }) {
  const { t } = useTranslation();
  if (!entry.original) return null;
  const base = `/api/entries/${encodeURIComponent(entry.id)}/media`;
  return (
    <div data-testid="entry-player">
      <video
        controls
        preload="metadata"
        playsInline
        src={`${base}/original?v=${entry.original.sha256.slice(0, 12)}`}
        style={{ width: '100%', maxHeight: '60vh', background: '#000', borderRadius: 8 }}
      >
        {entry.subtitle?.container === 'vtt' && (
          <track
            kind="subtitles"
            src={`${base}/subtitle`}
            srcLang="vi"
            label={t('entry.subtitleTrack')}
            default
          />
        )}
      </video>
      <Text size="xs" c="dimmed">
        {t('entry.playerNote')}
      </Text>
    </div>
  );
}

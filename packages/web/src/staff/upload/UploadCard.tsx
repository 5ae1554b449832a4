import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntryMedia } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { formatDuration, formatFileSize, formatInstant } from '../../lib/format';
import { isFinalFailure } from './upload-failure';
import { findUnfinished, useTusUpload, type UploadKind, type UploadState } from './use-tus-upload';

interface Props {
  entryId: string;
  kind: UploadKind;
  /** Extensions the contest accepts (`mp4`, `mov`…) for a video; subtitles are `vtt` / `srt`. */
  formats: readonly string[];
  maxBytes: number;
  current: EntryMedia | null;
  timeZone: string;
  /** Whether a new file may be sent now (the entry's `upload` action). */
  canUpload: boolean;
  onUploaded: () => void;
}

const ACTIVE = new Set(['starting', 'uploading', 'retrying']);

/** A resumable upload of the entry's video (or subtitles), with progress, speed and time left. */
export function UploadCard({
  entryId,
  kind,
  formats,
  maxBytes,
  current,
  timeZone,
  canUpload,
  onUploaded,
}: Props) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { state, start, retry, pause } = useTusUpload(entryId, kind, onUploaded);
  const input = useRef<HTMLInputElement>(null);
  const [unfinished, setUnfinished] = useState<{ filename: string; size: number | null } | null>(null);

  useEffect(() => {
    let live = true;
    void findUnfinished(entryId, kind).then((list) => {
      const u = list[0];
      if (live) setUnfinished(u ? { filename: u.metadata.filename ?? '', size: u.size } : null);
    });
    return () => {
      live = false;
    };
  }, [entryId, kind, state.phase]);

  const active = ACTIVE.has(state.phase);
  const accept = kind === 'original' ? [...formats.map((f) => `.${f}`), 'video/*'].join(',') : '.vtt,.srt';
  const title = kind === 'original' ? t('upload.videoTitle') : t('upload.subtitleTitle');

  return (
    <Card withBorder padding="sm" data-testid="upload-card" data-kind={kind} data-phase={state.phase}>
      <Stack gap="xs">
        <Text fw={600}>{title}</Text>
        {canUpload && (
          <Text size="xs" c="dimmed">
            {kind === 'original'
              ? t('upload.videoHint', {
                  formats: formats.map((f) => f.toUpperCase()).join(', '),
                  max: formatFileSize(maxBytes, lang),
                })
              : t('upload.subtitleHint')}
          </Text>
        )}
        {current ? (
          <div data-testid={`media-current-${kind}`}>
            <Text size="sm" fw={500}>
              {current.filename}
            </Text>
            <Text size="xs" c="dimmed">
              {formatFileSize(current.sizeBytes, lang)} · {current.container.toUpperCase()} ·{' '}
              {formatInstant(current.uploadedAt, lang, timeZone)}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace">
              SHA-256 {current.sha256.slice(0, 16)}…
            </Text>
          </div>
        ) : (
          <Text size="sm" c="dimmed" data-testid={`media-none-${kind}`}>
            {kind === 'original' ? t('upload.noVideo') : t('upload.noSubtitle')}
          </Text>
        )}
        {canUpload && unfinished && state.phase === 'idle' && (
          <Alert color="blue" data-testid="upload-unfinished">
            {t('upload.unfinished', { filename: unfinished.filename })}
          </Alert>
        )}
        {state.phase !== 'idle' && (
          <UploadProgress
            state={state}
            limits={{ max: formatFileSize(maxBytes, lang), formats: formats.join(', ').toUpperCase() }}
          />
        )}
        {canUpload && (
          <Group gap="xs">
            <input
              ref={input}
              type="file"
              accept={accept}
              hidden
              data-testid={`upload-input-${kind}`}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) void start(file);
              }}
            />
            <Button
              size="sm"
              variant={current ? 'default' : 'filled'}
              disabled={active}
              onClick={() => input.current?.click()}
              data-testid={`upload-choose-${kind}`}
            >
              {current ? t('upload.replace') : t('upload.choose')}
            </Button>
            {active && (
              <Button size="sm" variant="subtle" onClick={pause} data-testid="upload-pause">
                {t('upload.pause')}
              </Button>
            )}
            {(state.phase === 'offline' ||
              state.phase === 'paused' ||
              (state.phase === 'error' && !isFinalFailure(state.failure))) && (
              <Button size="sm" variant="light" onClick={retry} data-testid="upload-retry">
                {t('upload.resume')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Card>
  );
}

interface Limits {
  max: string;
  formats: string;
}

function UploadProgress({ state, limits }: { state: UploadState; limits: Limits }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const percent = state.total > 0 ? Math.floor((state.sent / state.total) * 100) : 0;
  const moving = state.phase === 'uploading' || state.phase === 'starting';
  return (
    <Stack gap={4} data-testid="upload-status" data-phase={state.phase}>
      <Text size="sm" truncate>
        {state.filename}
      </Text>
      <Progress
        value={percent}
        size="lg"
        striped={moving}
        animated={moving}
        color={state.phase === 'error' ? 'red' : state.phase === 'done' ? 'green' : 'blue'}
        aria-label={t('upload.progressLabel')}
        data-testid="upload-progress"
        data-percent={percent}
      />
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Text size="sm" fw={600} data-testid="upload-percent">
          {percent}%
        </Text>
        <Text size="xs" c="dimmed">
          {formatFileSize(state.sent, lang)} / {formatFileSize(state.total, lang)}
        </Text>
      </Group>
      {state.phase === 'uploading' && (
        <Text size="xs" c="dimmed">
          <span data-testid="upload-speed">
            {state.speed === null ? t('upload.measuring') : `${formatFileSize(state.speed, lang)}/s`}
          </span>
          {state.secondsLeft !== null && (
            <span data-testid="upload-eta">
              {' · '}
              {t('upload.timeLeft', { time: formatDuration(state.secondsLeft) })}
            </span>
          )}
        </Text>
      )}
      {state.resumedFrom !== null && state.resumedFrom > 0 && state.phase !== 'done' && (
        <Text size="xs" c="blue" data-testid="upload-resumed" data-offset={state.resumedFrom}>
          {t('upload.resumed', {
            percent: state.total > 0 ? Math.floor((state.resumedFrom / state.total) * 100) : 0,
          })}
        </Text>
      )}
      {state.phase === 'done' && (
        <Text size="sm" c="green" data-testid="upload-done">
          {t('upload.done')}
        </Text>
      )}
      {state.phase === 'paused' && (
        <Text size="sm" c="dimmed">
          {t('upload.paused')}
        </Text>
      )}
      <UploadFailureNote state={state} limits={limits} />
    </Stack>
  );
}

function UploadFailureNote({ state, limits }: { state: UploadState; limits: Limits }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const f = state.failure;
  if (!f) return null;
  const ours = t(`upload.error.${f.kind}`, { status: f.status, ...limits });
  const message = f.server ? f.server[lang] || f.server.vi : ours;
  const transient = state.phase === 'retrying' || state.phase === 'offline';
  return (
    <Alert
      color={transient ? 'yellow' : 'red'}
      role="alert"
      data-testid="upload-error"
      data-kind={f.kind}
      data-status={f.status}
    >
      {message}
      {state.phase === 'retrying' && ` ${t('upload.retrying')}`}
    </Alert>
  );
}

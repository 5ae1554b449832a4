import { Alert, Badge, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { mediaStatusQuery, PROCESSING_STATES, type TechnicalReport } from '../../api/media';
import type { EntryView } from '../../api/types';
import { VideoPlayer } from '../../components/VideoPlayer';
import { useLang } from '../../i18n/use-lang';
import { EntryPlayer } from '../entries/EntryPlayer';

/**
 * The entry's clip as the pipeline sees it: "processing 64 %" while it runs (polled), then the web player
 * (HLS / MP4 through short-lived signed URLs) and the technical report, checked against the contest's rules.
 * Before the renditions exist, the uploaded original plays as it did.
 */
export function MediaPanel({ entry }: { entry: EntryView }) {
  const { t } = useTranslation();
  const status = useQuery({
    ...mediaStatusQuery(entry.id, entry.original?.sha256 ?? null),
    enabled: !!entry.original,
  });
  if (!entry.original) return null;
  const original = status.data?.original;
  const state = original?.status ?? 'queued';
  const urls = original?.urls;
  return (
    <Stack gap="sm" data-testid="media-panel" data-media-status={state}>
      {urls?.hlsUrl || urls?.mp4Url ? (
        <VideoPlayer
          hlsUrl={urls.hlsUrl}
          mp4Url={urls.mp4Url}
          posterUrl={urls.posterUrl}
          width={original?.width}
          height={original?.height}
          tracks={
            status.data?.subtitle?.url
              ? [{ lang: 'vi', label: t('media.subtitles'), url: status.data.subtitle.url }]
              : []
          }
        />
      ) : (
        <EntryPlayer entry={entry} />
      )}
      <ProcessingState
        state={state}
        progress={original?.progress ?? 0}
        available={status.data?.processingAvailable ?? true}
      />
      {original?.report && <ReportPanel report={original.report} />}
    </Stack>
  );
}

function ProcessingState({
  state,
  progress,
  available,
}: {
  state: string;
  progress: number;
  available: boolean;
}) {
  const { t } = useTranslation();
  if (!available || state === 'unavailable')
    return (
      <Alert color="gray" data-testid="media-unavailable">
        {t('media.unavailable')}
      </Alert>
    );
  if (state === 'failed')
    return (
      <Alert color="red" data-testid="media-failed">
        {t('media.failed')}
      </Alert>
    );
  if (!PROCESSING_STATES.has(state)) return null;
  const percent = state === 'transcoding' ? progress : 0;
  return (
    <div data-testid="media-processing" aria-live="polite">
      <Text size="sm" fw={500}>
        {state === 'transcoding' ? t('media.processing', { percent }) : t(`media.state.${state}`)}
      </Text>
      <Progress value={percent} animated size="sm" mt={4} aria-label={t('media.processing', { percent })} />
    </div>
  );
}

const fmtDuration = (s: number) => {
  const r = Math.round(s);
  return `${Math.floor(r / 60)}:${String(r % 60).padStart(2, '0')}`;
};

function ReportPanel({ report }: { report: TechnicalReport }) {
  const { t } = useTranslation();
  const { pick, lang } = useLang();
  const num = (n: number, digits = 1) =>
    n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
  const yes = (b: boolean) => (b ? t('media.report.yes') : t('media.report.no'));
  const rows: Array<[string, string]> =
    report.status === 'ok'
      ? [
          ['container', report.container ?? '—'],
          ['video', report.videoCodec ?? '—'],
          ['audio', report.hasAudio ? (report.audioCodec ?? '—') : t('media.report.none')],
          ['duration', report.durationSeconds !== null ? fmtDuration(report.durationSeconds) : '—'],
          [
            'resolution',
            report.width && report.height
              ? `${report.width}×${report.height} (${report.aspectRatio ?? ''})`
              : '—',
          ],
          ['frameRate', report.frameRate !== null ? `${num(report.frameRate, 2)} fps` : '—'],
          ['variableFrameRate', yes(report.variableFrameRate)],
          ['loudness', report.integratedLufs !== null ? `${num(report.integratedLufs)} LUFS` : '—'],
          ['truePeak', report.truePeakDb !== null ? `${num(report.truePeakDb)} dBTP` : '—'],
        ]
      : [];
  const color = { hard: 'red', soft: 'yellow', info: 'blue' } as const;
  return (
    <Stack gap="xs" data-testid="media-report" data-report-status={report.status}>
      <Text fw={600}>{t('media.report.title')}</Text>
      {report.findings.length === 0 ? (
        <Alert color="green" data-testid="media-report-ok">
          {t('media.report.allGood')}
        </Alert>
      ) : (
        <Stack gap={6}>
          {report.findings.map((f) => (
            <Alert
              key={f.code}
              color={color[f.severity]}
              data-testid={`finding-${f.code}`}
              data-severity={f.severity}
              p="xs"
            >
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge color={color[f.severity]} variant="light" style={{ flexShrink: 0 }}>
                  {t(`media.severity.${f.severity}`)}
                </Badge>
                <Text size="sm">{pick(f.message)}</Text>
              </Group>
            </Alert>
          ))}
        </Stack>
      )}
      {rows.length > 0 && (
        <Table striped withRowBorders={false} fz="sm" data-testid="media-report-table">
          <Table.Tbody>
            {rows.map(([k, v]) => (
              <Table.Tr key={k}>
                <Table.Th style={{ width: '45%' }}>{t(`media.report.${k}`)}</Table.Th>
                <Table.Td>{v}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

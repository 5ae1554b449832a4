import {
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { entriesQuery } from '../../api/entries';
import {
  confirmSnapshot,
  fetchSnapshot,
  recordSnapshot,
  snapshotsQuery,
  type SnapshotInput,
} from '../../api/voting-staff';
import { useSession } from '../use-session';
import { CenterLoader } from '../CenterLoader';
import { ErrorAlert } from '../ErrorAlert';

const toBase64 = (file: File) =>
  file.arrayBuffer().then((buf) => {
    let s = '';
    const bytes = new Uint8Array(buf);
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  });

/** The secretariat records fanpage counts with evidence; a second secretary confirms them. */
export function FanpagePage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const session = useSession();
  const me = session?.user.id;
  const snapshots = useQuery(snapshotsQuery(slug));
  const entries = useQuery(entriesQuery(slug));
  const published = (entries.data ?? []).filter((e) => e.status === 'published');
  const [entryId, setEntryId] = useState('');
  const [likes, setLikes] = useState<number | string>(0);
  const [shares, setShares] = useState<number | string>(0);
  const [takenAt, setTakenAt] = useState(() =>
    new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16),
  );
  const [postUrl, setPostUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<unknown>(null);
  const refresh = () => void qc.invalidateQueries({ queryKey: ['fanpage', slug] });
  const target = entryId || published[0]?.id || '';

  const record = useMutation({
    mutationFn: async () => {
      const body: SnapshotInput = {
        entryId: target,
        likes: Number(likes),
        shares: Number(shares),
        takenAt: new Date(takenAt).toISOString(),
        ...(postUrl ? { postUrl } : {}),
      };
      if (file) {
        const type = file.type as 'image/png' | 'image/jpeg' | 'image/webp';
        body.screenshot = { contentType: type, dataBase64: await toBase64(file) };
      }
      return recordSnapshot(slug, body);
    },
    onSuccess: () => {
      setError(null);
      setFile(null);
      refresh();
    },
    onError: setError,
  });
  const fetchGraph = useMutation({
    mutationFn: () => fetchSnapshot(slug, { entryId: target, postUrl }),
    onSuccess: refresh,
    onError: setError,
  });
  const confirm = useMutation({
    mutationFn: (id: string) => confirmSnapshot(slug, id),
    onSuccess: refresh,
    onError: setError,
  });

  if (snapshots.isPending || entries.isPending) return <CenterLoader />;
  if (snapshots.error ?? entries.error) return <ErrorAlert error={snapshots.error ?? entries.error} />;

  return (
    <Stack gap="md" data-testid="fanpage-page">
      <div>
        <Anchor component={Link} to={`/app/contests/${encodeURIComponent(slug)}`} size="sm">
          ← {slug}
        </Anchor>
        <Title order={1} size="h2" mt={4}>
          {t('voting.staff.fanpageTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('voting.staff.fanpageHint')}
        </Text>
      </div>
      {error !== null && <ErrorAlert error={error} />}
      <Card withBorder padding="sm">
        <Stack gap="xs">
          <NativeSelect
            label={t('voting.staff.entry')}
            value={target}
            onChange={(e) => setEntryId(e.currentTarget.value)}
            data={published.map((e) => ({ value: e.id, label: `${e.title} — ${e.orgUnit.name}` }))}
            data-testid="snapshot-entry"
          />
          <Group grow>
            <NumberInput
              label={t('voting.staff.likes')}
              min={0}
              value={likes}
              onChange={setLikes}
              data-testid="snapshot-likes"
            />
            <NumberInput
              label={t('voting.staff.shares')}
              min={0}
              value={shares}
              onChange={setShares}
              data-testid="snapshot-shares"
            />
          </Group>
          <TextInput
            type="datetime-local"
            label={t('voting.staff.takenAt')}
            value={takenAt}
            onChange={(e) => setTakenAt(e.currentTarget.value)}
          />
          <TextInput
            label={t('voting.staff.postUrl')}
            placeholder="https://www.facebook.com/…/posts/…"
            value={postUrl}
            onChange={(e) => setPostUrl(e.currentTarget.value)}
            data-testid="snapshot-url"
          />
          <FileInput
            label={t('voting.staff.screenshot')}
            accept="image/png,image/jpeg,image/webp"
            value={file}
            onChange={setFile}
            clearable
          />
          <Group gap="xs" wrap="wrap">
            <Button
              onClick={() => record.mutate()}
              loading={record.isPending}
              disabled={!target}
              data-testid="snapshot-record"
            >
              {t('voting.staff.record')}
            </Button>
            <Button
              variant="light"
              onClick={() => fetchGraph.mutate()}
              loading={fetchGraph.isPending}
              disabled={!target || !postUrl}
            >
              {t('voting.staff.fetchGraph')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {snapshots.data.length === 0 && <Text>{t('voting.staff.noSnapshots')}</Text>}
      {snapshots.data.map((s) => (
        <Card key={s.id} withBorder padding="sm" data-testid="snapshot-row">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <div style={{ minWidth: 0 }}>
              <Text fw={600}>{s.entryTitle}</Text>
              <Text size="sm">
                {t('voting.staff.countsLine', { likes: s.likes, shares: s.shares })} ·{' '}
                {new Date(s.takenAt).toLocaleString()}
              </Text>
              <Group gap={6}>
                {s.postUrl && (
                  <Anchor href={s.postUrl} target="_blank" rel="noreferrer" size="sm">
                    {t('voting.staff.post')}
                  </Anchor>
                )}
                {s.hasEvidence && (
                  <Anchor
                    href={`/api/contests/${encodeURIComponent(slug)}/fanpage-snapshots/${s.id}/evidence`}
                    target="_blank"
                    size="sm"
                  >
                    {t('voting.staff.screenshot')}
                  </Anchor>
                )}
                {s.method === 'graph' && <Badge variant="light">Graph API</Badge>}
              </Group>
            </div>
            {s.confirmedBy ? (
              <Badge color={s.counting ? 'green' : 'gray'} data-testid="snapshot-state">
                {s.counting ? t('voting.staff.counting') : t('voting.staff.confirmed')}
              </Badge>
            ) : s.recordedBy === me ? (
              <Badge color="yellow" data-testid="snapshot-state">
                {t('voting.staff.awaitingOther')}
              </Badge>
            ) : (
              <Button
                size="xs"
                onClick={() => confirm.mutate(s.id)}
                loading={confirm.isPending}
                data-testid="snapshot-confirm"
              >
                {t('voting.staff.confirm')}
              </Button>
            )}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

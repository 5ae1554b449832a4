import { useCallback, useState } from 'react';
import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { entryKey, entryQuery, updateEntry } from '../../api/entries';
import { contestQuery } from '../../api/staff';
import type { EntryView, EntryRules } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { CenterLoader } from '../CenterLoader';
import { ErrorAlert } from '../ErrorAlert';
import { MediaPanel } from '../media/MediaPanel';
import { ReceiptPanel } from '../receipt/ReceiptPanel';
import { Section } from '../shared/Section';
import { UploadCard } from '../upload/UploadCard';
import { useSession } from '../use-session';
import { EntryActions } from './EntryActions';
import { EntryDetails } from './EntryDetails';
import { EntryForm } from './EntryForm';
import { EntryHistory } from './EntryHistory';
import { EntryStatusNotice } from './EntryStatusNotice';
import { StatusBadge } from './StatusBadge';
import { useEntryMutation } from './use-entry-mutation';

const SUBTITLE_MAX_BYTES = 2 * 1024 * 1024;

/** One entry, for whoever may see it: the team edits and uploads, the district nominates, the secretariat decides. */
export function EntryPage() {
  const { id = '' } = useParams();
  const entry = useQuery(entryQuery(id));
  const slug = entry.data?.contestSlug ?? '';
  const contest = useQuery({ ...contestQuery(slug), enabled: slug !== '' });
  if (entry.isPending || (slug && contest.isPending)) return <CenterLoader />;
  if (entry.error) return <ErrorAlert error={entry.error} />;
  if (contest.error) return <ErrorAlert error={contest.error} />;
  if (!contest.data) return <CenterLoader />;
  const { config } = contest.data;
  return <EntryScreen entry={entry.data} rules={config.entryRules} timeZone={config.timezone} />;
}

function EntryScreen({ entry, rules, timeZone }: { entry: EntryView; rules: EntryRules; timeZone: string }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const client = useQueryClient();
  const [dirty, setDirty] = useState(false);
  const save = useEntryMutation((fields: Parameters<typeof updateEntry>[1]) => updateEntry(entry.id, fields));
  const refetch = useCallback(() => {
    void client.invalidateQueries({ queryKey: entryKey(entry.id) });
    void client.invalidateQueries({ queryKey: ['contest', entry.contestSlug, 'entries'] });
  }, [client, entry.id, entry.contestSlug]);
  const editable = entry.actions.includes('edit');
  const canUpload = entry.actions.includes('upload');

  return (
    <Stack gap="md" data-testid="entry-page" data-status={entry.status}>
      <div>
        <BackLink entry={entry} />
        <Group justify="space-between" align="flex-start" gap="xs" mt={4} wrap="nowrap">
          <Title order={1} size="h3" data-testid="entry-title">
            {entry.title}
          </Title>
          <StatusBadge status={entry.status} />
        </Group>
        <Text size="sm" c="dimmed" data-testid="entry-team">
          {entry.teamName} · {entry.orgUnit.name}
        </Text>
        <Text size="xs" c="dimmed">
          {pick(entry.roundName)}
          {entry.forwarded ? ` · ${t('entries.forwarded')}` : ''}
        </Text>
      </div>
      <EntryStatusNotice entry={entry} timeZone={timeZone} />
      <Section title={t('entry.details')} testId="entry-details-section">
        {editable ? (
          <EntryForm
            key={entry.version}
            initial={{
              title: entry.title,
              synopsis: entry.synopsis,
              credits: entry.credits,
              declarations: entry.declarations,
            }}
            rules={rules}
            submitLabel={t('entry.save')}
            onDirtyChange={setDirty}
            onSave={(values) => save.mutateAsync({ ...values, version: entry.version })}
          />
        ) : (
          <EntryDetails entry={entry} rules={rules} />
        )}
      </Section>
      <Section title={t('entry.files')} testId="entry-files">
        <Stack gap="sm">
          <MediaPanel entry={entry} />
          <UploadCard
            entryId={entry.id}
            kind="original"
            formats={rules.allowedContainers}
            maxBytes={rules.maxSizeBytes}
            current={entry.original}
            timeZone={timeZone}
            canUpload={canUpload}
            onUploaded={refetch}
          />
          {(canUpload || entry.subtitle) && (
            <UploadCard
              entryId={entry.id}
              kind="subtitle"
              formats={['vtt', 'srt']}
              maxBytes={SUBTITLE_MAX_BYTES}
              current={entry.subtitle}
              timeZone={timeZone}
              canUpload={canUpload}
              onUploaded={refetch}
            />
          )}
        </Stack>
      </Section>
      <EntryActions entry={entry} rules={rules} dirty={dirty} />
      {entry.forwarded && <ReceiptPanel entry={entry} timeZone={timeZone} />}
      <EntryHistory history={entry.history} timeZone={timeZone} />
    </Stack>
  );
}

/** Back to where this person works on entries: their list, their district, or the receipt inbox. */
function BackLink({ entry }: { entry: EntryView }) {
  const { t } = useTranslation();
  const session = useSession();
  const slug = encodeURIComponent(entry.contestSlug);
  const mine = (session?.assignments ?? []).filter(
    (a) => a.contestSlug === entry.contestSlug || a.contestSlug === null,
  );
  const roles = new Set(mine.map((a) => a.role));
  const coordinatorUnit = mine.find((a) => a.role === 'coordinator')?.orgUnitId;
  const [to, label] = roles.has('secretary')
    ? [`/app/contests/${slug}/inbox`, t('receipt.inbox')]
    : coordinatorUnit
      ? [`/app/org-units/${encodeURIComponent(coordinatorUnit)}?tab=entries`, t('district.entries')]
      : roles.has('team')
        ? [`/app/contests/${slug}/my-entries`, t('entries.myEntries')]
        : ['/app', t('nav.home')];
  return (
    <Anchor component={Link} to={to} size="sm" data-testid="entry-back">
      ← {label}
    </Anchor>
  );
}

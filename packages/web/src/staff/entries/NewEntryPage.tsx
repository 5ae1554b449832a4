import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { createEntry, entriesKey, entryKey } from '../../api/entries';
import { contestQuery } from '../../api/staff';
import { useLang } from '../../i18n/use-lang';
import { CenterLoader } from '../CenterLoader';
import { ErrorAlert } from '../ErrorAlert';
import { Section } from '../shared/Section';
import { EntryForm } from './EntryForm';

/** A team starts an entry: its details first, then (on the entry page) the video. */
export function NewEntryPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { pick } = useLang();
  const navigate = useNavigate();
  const client = useQueryClient();
  const contest = useQuery(contestQuery(slug));
  if (contest.isPending) return <CenterLoader />;
  if (contest.error) return <ErrorAlert error={contest.error} />;
  const { config } = contest.data;
  return (
    <Stack gap="md" data-testid="new-entry-page">
      <div>
        <Anchor component={Link} to={`/app/contests/${encodeURIComponent(slug)}/my-entries`} size="sm">
          ← {t('entries.myEntries')}
        </Anchor>
        <Title order={1} size="h2" mt={4}>
          {t('entries.newTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {pick(config.title)}
        </Text>
      </div>
      <Section title={t('entry.details')}>
        <EntryForm
          initial={{ title: '', synopsis: '', credits: '', declarations: {} }}
          rules={config.entryRules}
          submitLabel={t('entries.create')}
          onSave={async (values) => {
            const entry = await createEntry(slug, values);
            client.setQueryData(entryKey(entry.id), entry);
            await client.invalidateQueries({ queryKey: entriesKey(slug) });
            await navigate(`/app/entries/${encodeURIComponent(entry.id)}`);
          }}
        />
      </Section>
    </Stack>
  );
}

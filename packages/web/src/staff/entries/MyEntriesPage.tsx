import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { MyEntries } from './MyEntries';

export function MyEntriesPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  return (
    <Stack gap="md" data-testid="my-entries-page">
      <Title order={1} size="h2">
        {t('entries.myEntries')}
      </Title>
      <MyEntries slug={slug} />
    </Stack>
  );
}

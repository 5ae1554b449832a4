import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { progressQuery, progressXlsxUrl } from '../../api/entries';
import { contestQuery } from '../../api/staff';
import type { ProgressCounts } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { formatNumber } from '../../lib/format';
import { CenterLoader } from '../CenterLoader';
import { ErrorAlert } from '../ErrorAlert';
import { Section } from '../shared/Section';
import { ProgressChart } from './ProgressChart';

const COLUMNS = ['teams', 'created', 'submitted', 'nominated', 'received', 'accepted'] as const;

/** How far each district has come: teams, entries at each step, as a table, a chart and a spreadsheet. */
export function ProgressPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const contest = useQuery(contestQuery(slug));
  const progress = useQuery(progressQuery(slug));
  if (progress.isPending) return <CenterLoader />;
  if (progress.error) return <ErrorAlert error={progress.error} />;
  const { rows, totals } = progress.data;
  const n = (v: number) => formatNumber(v, lang);
  const cells = (c: ProgressCounts) =>
    COLUMNS.map((k) => (
      <Table.Td key={k} ta="right" data-col={k}>
        {n(c[k])}
      </Table.Td>
    ));
  return (
    <Stack gap="md" data-testid="progress-page">
      <div>
        <Anchor component={Link} to={`/app/contests/${encodeURIComponent(slug)}`} size="sm">
          ← {contest.data ? pick(contest.data.config.title) : slug}
        </Anchor>
        <Group justify="space-between" align="flex-end" gap="xs" mt={4} wrap="wrap">
          <Title order={1} size="h2">
            {t('progress.title')}
          </Title>
          <Button
            component="a"
            href={progressXlsxUrl(slug, lang)}
            download
            variant="light"
            size="sm"
            data-testid="progress-xlsx"
          >
            {t('progress.download')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('progress.summary', {
            teams: n(totals.teams),
            submitted: n(totals.submitted),
            accepted: n(totals.accepted),
          })}
        </Text>
      </div>
      <Section title={t('progress.chart')} testId="progress-chart-section">
        <ProgressChart rows={rows} />
      </Section>
      <Section title={t('progress.table')} testId="progress-table-section">
        <Table.ScrollContainer minWidth={600}>
          <Table striped withTableBorder fz="sm" data-testid="progress-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th className="progress-sticky">{t('progress.unit')}</Table.Th>
                {COLUMNS.map((k) => (
                  <Table.Th key={k} ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {t(`progress.col.${k}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.unit.id} data-testid="progress-row" data-code={r.unit.code}>
                  <Table.Td className="progress-sticky">{r.unit.name}</Table.Td>
                  {cells(r)}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr data-testid="progress-total" fw={700}>
                <Table.Td className="progress-sticky">{t('progress.total')}</Table.Td>
                {cells(totals)}
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </Section>
    </Stack>
  );
}

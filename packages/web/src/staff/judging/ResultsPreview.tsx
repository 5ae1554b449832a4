import { Badge, Button, Group, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveFinalists, type PanelRef, type ResultsView } from '../../api/judging';
import { useLang } from '../../i18n/use-lang';
import { formatNumber } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';

interface Props {
  panelRef: PanelRef;
  view: ResultsView;
  canEdit: boolean;
  onSaved: () => void;
}

/** The ranking with its full breakdown, finalists marked, and the reasoned swap form. */
export function ResultsPreview({ panelRef, view, canEdit, onSaved }: Props) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const n = (v: number | null) => (v === null ? '—' : formatNumber(v, lang, 4));
  const [out, setOut] = useState<string | null>(null);
  const [inn, setIn] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const save = useMutation({
    mutationFn: () => saveFinalists(panelRef, [...view.overrides, { out: out ?? '', in: inn ?? '', reason }]),
    onSuccess: () => {
      setOut(null);
      setIn(null);
      setReason('');
      onSaved();
    },
  });
  const editable = canEdit && view.resultsStatus === 'draft' && view.finalistCount !== null;
  const judgeName = (id: string) => view.judges.find((j) => j.id === id)?.name ?? id;
  return (
    <Stack gap="sm" data-testid="results-preview">
      <Title order={2} size="h3">
        {t('judging.results.title')}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('judging.results.rank')}</Table.Th>
              <Table.Th>{t('judging.results.entry')}</Table.Th>
              <Table.Th ta="right">{t('judging.results.sheets')}</Table.Th>
              <Table.Th ta="right">{t('judging.results.jury')}</Table.Th>
              <Table.Th ta="right">{t('judging.results.audience')}</Table.Th>
              <Table.Th ta="right">{t('judging.results.final')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.rows.map((r) => (
              <Table.Tr key={r.entryId} data-testid="result-row" data-finalist={r.finalist}>
                <Table.Td>
                  {r.rank} {r.finalist ? <Badge size="xs">{t('judging.results.finalist')}</Badge> : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    {r.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {r.unitName}
                    {r.jury.judgeIds.length
                      ? ` · ${r.jury.judgeIds.map((j, i) => `${judgeName(j)}: ${n(r.jury.totals[i] ?? null)}`).join('; ')}`
                      : ''}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{r.jury.sheetCount}</Table.Td>
                <Table.Td ta="right">{n(r.jury.points)}</Table.Td>
                <Table.Td ta="right">
                  {n(r.audience.points)}
                  <Text size="xs" c="dimmed">
                    {n(r.audience.raw)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" fw={700}>
                  {n(r.final)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {view.swaps.map((s) => (
        <Text size="sm" key={`${s.out}-${s.in}`} data-testid="swap">
          {t('judging.results.swap', { outRank: s.outRank, inRank: s.inRank, reason: s.reason })}
        </Text>
      ))}
      {editable ? (
        <Stack gap="xs" data-testid="swap-form">
          <Group gap="xs" wrap="wrap" align="flex-end">
            <Select
              label={t('judging.results.swapOut')}
              data={view.rows
                .filter((r) => r.finalist)
                .map((r) => ({ value: r.entryId, label: `${r.rank}. ${r.title}` }))}
              value={out}
              onChange={setOut}
            />
            <Select
              label={t('judging.results.swapIn')}
              data={view.rows
                .filter((r) => !r.finalist)
                .map((r) => ({ value: r.entryId, label: `${r.rank}. ${r.title}` }))}
              value={inn}
              onChange={setIn}
            />
          </Group>
          <Textarea
            label={t('judging.results.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Button
            variant="light"
            disabled={!out || !inn}
            onClick={() => save.mutate()}
            loading={save.isPending}
          >
            {t('judging.results.saveSwap')}
          </Button>
          {save.error ? <ErrorAlert error={save.error} /> : null}
        </Stack>
      ) : null}
    </Stack>
  );
}

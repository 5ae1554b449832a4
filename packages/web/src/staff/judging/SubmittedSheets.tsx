import { Button, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reopenSheet, type JuryCompletion } from '../../api/judging';
import { ReasonDialog } from './ReasonDialog';

/** Submitted sheets, which an organizer may send back to their judge with a written, audited reason. */
export function SubmittedSheets({ completion, onDone }: { completion: JuryCompletion; onDone: () => void }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<string | null>(null);
  const reopen = useMutation({
    mutationFn: (reason: string) => reopenSheet(target ?? '', reason),
    onSuccess: () => {
      setTarget(null);
      onDone();
    },
  });
  const judgeName = new Map(completion.judges.map((j) => [j.userId, j.name]));
  const entryTitle = new Map(completion.entries.map((e) => [e.entryId, e.title]));
  const rows = completion.sheets
    .filter((s) => s.status === 'submitted')
    .map((s) => ({ ...s, judge: judgeName.get(s.judgeUserId) ?? '', entry: entryTitle.get(s.entryId) ?? '' }))
    .sort((a, b) => a.judge.localeCompare(b.judge) || a.entry.localeCompare(b.entry));
  const chosen = rows.find((r) => r.sheetId === target);
  return (
    <>
      <Title order={3} size="h4">
        {t('judging.reopenSheet.title')}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('judging.reopenSheet.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table data-testid="submitted-sheets">
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.sheetId} data-testid="submitted-sheet">
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {r.judge}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {r.entry}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="subtle"
                      color="orange"
                      onClick={() => {
                        reopen.reset();
                        setTarget(r.sheetId);
                      }}
                      data-testid="reopen-sheet"
                    >
                      {t('judging.reopenSheet.action')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ReasonDialog
        key={target ?? ''}
        opened={target !== null}
        title={t('judging.reopenSheet.dialogTitle')}
        intro={t('judging.reopenSheet.intro', { judge: chosen?.judge ?? '', entry: chosen?.entry ?? '' })}
        confirm={t('judging.reopenSheet.confirm')}
        pending={reopen.isPending}
        error={reopen.error}
        onClose={() => setTarget(null)}
        onConfirm={(reason) => reopen.mutate(reason)}
        testId="reopen-sheet-dialog"
      />
    </>
  );
}

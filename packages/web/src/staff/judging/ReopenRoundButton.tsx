import { Button } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reopenJudging, type PanelRef } from '../../api/judging';
import { ReasonDialog } from './ReasonDialog';

/** Reopens a closed round (until results are approved) with a written, audited reason. */
export function ReopenRoundButton({ panelRef, onDone }: { panelRef: PanelRef; onDone: () => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const reopen = useMutation({
    mutationFn: (reason: string) => reopenJudging(panelRef, reason),
    onSuccess: () => {
      setOpened(false);
      onDone();
    },
  });
  return (
    <>
      <Button
        variant="light"
        color="orange"
        onClick={() => {
          reopen.reset();
          setOpened(true);
        }}
        data-testid="reopen-judging"
      >
        {t('judging.reopenRound.action')}
      </Button>
      <ReasonDialog
        key={String(opened)}
        opened={opened}
        title={t('judging.reopenRound.dialogTitle')}
        intro={t('judging.reopenRound.intro')}
        confirm={t('judging.reopenRound.confirm')}
        pending={reopen.isPending}
        error={reopen.error}
        onClose={() => setOpened(false)}
        onConfirm={(reason) => reopen.mutate(reason)}
        testId="reopen-judging-dialog"
      />
    </>
  );
}

import { Button } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recuseEntry } from '../../api/judging';
import { ReasonDialog } from './ReasonDialog';

/** A judge steps back from one entry with a written reason (audited); the entry leaves their queue. */
export function RecuseButton({ slug, entryId, title }: { slug: string; entryId: string; title: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [opened, setOpened] = useState(false);
  const recuse = useMutation({
    mutationFn: (reason: string) => recuseEntry(entryId, reason),
    onSuccess: (queue) => {
      setOpened(false);
      client.setQueryData(['contest', slug, 'jury-queue'], queue);
    },
  });
  return (
    <>
      <Button
        variant="subtle"
        color="orange"
        size="xs"
        onClick={() => {
          recuse.reset();
          setOpened(true);
        }}
        data-testid="recuse"
      >
        {t('judging.recuse.action')}
      </Button>
      <ReasonDialog
        key={String(opened)}
        opened={opened}
        title={t('judging.recuse.dialogTitle')}
        intro={t('judging.recuse.intro', { title })}
        confirm={t('judging.recuse.confirm')}
        pending={recuse.isPending}
        error={recuse.error}
        onClose={() => setOpened(false)}
        onConfirm={(reason) => recuse.mutate(reason)}
        testId="recuse-dialog"
      />
    </>
  );
}

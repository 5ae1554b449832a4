import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ErrorAlert';

interface Props {
  opened: boolean;
  title: string;
  intro: string;
  confirm: string;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (reason: string) => void;
  testId: string;
}

/** Asks for the written reason an audited step requires; the step cannot be confirmed without one. */
export function ReasonDialog({
  opened,
  title,
  intro,
  confirm,
  pending,
  error,
  onClose,
  onConfirm,
  testId,
}: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <form
        data-testid={testId}
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) onConfirm(reason.trim());
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{intro}</Text>
          <Textarea
            label={t('judging.reason.label')}
            autosize
            minRows={3}
            maxLength={2000}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid={`${testId}-reason`}
            data-autofocus
          />
          {error ? <ErrorAlert error={error} /> : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('judging.reason.cancel')}
            </Button>
            <Button
              type="submit"
              color="orange"
              disabled={!reason.trim()}
              loading={pending}
              data-testid={`${testId}-confirm`}
            >
              {confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

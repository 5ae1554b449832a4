import { Button, Group, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inviteJudge, type PanelRef } from '../../api/judging';
import { ErrorAlert } from '../ErrorAlert';

/** Invites a judge by email; a new address receives a link to set a password. */
export function InviteJudgeForm({ panelRef, onDone }: { panelRef: PanelRef; onDone: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const invite = useMutation({
    mutationFn: () => inviteJudge(panelRef, { email, name }),
    onSuccess: () => {
      setEmail('');
      setName('');
      onDone();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        invite.mutate();
      }}
      data-testid="invite-judge"
    >
      <Group align="flex-end" gap="xs" wrap="wrap">
        <TextInput
          label={t('judging.invite.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
        />
        <TextInput
          label={t('judging.invite.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          required
        />
        <Button type="submit" loading={invite.isPending}>
          {t('judging.invite.submit')}
        </Button>
      </Group>
      {invite.error ? <ErrorAlert error={invite.error} /> : null}
    </form>
  );
}

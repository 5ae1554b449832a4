import { useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { registerTeam, teamsKey } from '../../api/entries';
import { isApiError } from '../../api/errors';
import type { OrgUnit, TeamMemberInput } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { errorMessage } from '../../lib/error-message';

const blank = (isLeader: boolean): TeamMemberInput => ({
  name: '',
  position: '',
  phone: '',
  email: '',
  isLeader,
});

/** A coordinator registers a commune's team; leaders with an email get an account. */
export function TeamRegisterForm(props: { slug: string; communes: OrgUnit[]; onDone: () => void }) {
  const { slug, communes, onDone } = props;
  const { t } = useTranslation();
  const { lang } = useLang();
  const client = useQueryClient();
  const [unitId, setUnitId] = useState(communes[0]?.id ?? '');
  const [name, setName] = useState('');
  const [members, setMembers] = useState<TeamMemberInput[]>([blank(true), blank(false)]);
  const save = useMutation({
    mutationFn: () =>
      registerTeam(slug, {
        orgUnitId: unitId,
        name: name.trim(),
        members: members
          .filter((m) => m.name.trim())
          .map((m) => ({ ...m, phone: m.phone?.trim() || null, email: m.email?.trim() || null })),
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: teamsKey(slug) });
      onDone();
    },
  });
  const issue = (path: string) => {
    const found = isApiError(save.error) ? save.error.issues.find((i) => i.path === path) : undefined;
    return found ? found.message[lang] || found.message.vi : undefined;
  };
  const setMember = (i: number, patch: Partial<TeamMemberInput>) =>
    setMembers((list) => list.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <Card withBorder padding="sm" component="form" onSubmit={submit} data-testid="team-register-form">
      <Stack gap="sm">
        <NativeSelect
          label={t('teams.commune')}
          value={unitId}
          onChange={(e) => setUnitId(e.currentTarget.value)}
          data={communes.map((c) => ({ value: c.id, label: c.name }))}
          error={issue('orgUnitId')}
          data-testid="team-commune"
        />
        <TextInput
          label={t('teams.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={issue('name')}
          data-testid="team-name"
        />
        <Text size="sm" fw={500}>
          {t('teams.members')}
        </Text>
        {members.map((m, i) => (
          <Card key={i} withBorder padding="xs" data-testid="team-member">
            <Stack gap={6}>
              <Group justify="space-between" gap="xs">
                <Text size="xs" c="dimmed">
                  {t('teams.memberN', { n: i + 1 })}
                </Text>
                {members.length > 1 && (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('teams.removeMember', { n: i + 1 })}
                    onClick={() => setMembers((list) => list.filter((_, j) => j !== i))}
                  >
                    ✕
                  </ActionIcon>
                )}
              </Group>
              <TextInput
                label={t('teams.memberName')}
                value={m.name}
                onChange={(e) => setMember(i, { name: e.currentTarget.value })}
                error={issue(`members.${i}.name`)}
              />
              <TextInput
                label={t('teams.position')}
                value={m.position}
                onChange={(e) => setMember(i, { position: e.currentTarget.value })}
                error={issue(`members.${i}.position`)}
              />
              <TextInput
                label={t('teams.phone')}
                type="tel"
                value={m.phone ?? ''}
                onChange={(e) => setMember(i, { phone: e.currentTarget.value })}
              />
              <TextInput
                label={t('teams.email')}
                type="email"
                value={m.email ?? ''}
                onChange={(e) => setMember(i, { email: e.currentTarget.value })}
                error={issue(`members.${i}.email`)}
              />
              <Checkbox
                label={t('teams.isLeader')}
                checked={m.isLeader}
                onChange={(e) => setMember(i, { isLeader: e.currentTarget.checked })}
              />
            </Stack>
          </Card>
        ))}
        <Button variant="default" onClick={() => setMembers((list) => [...list, blank(false)])}>
          {t('teams.addMember')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('teams.leaderHint')}
        </Text>
        {save.error && (
          <Alert color="red" role="alert" data-testid="team-register-error">
            {errorMessage(save.error, lang, t('errors.generic'))}
          </Alert>
        )}
        <Group gap="xs">
          <Button
            type="submit"
            loading={save.isPending}
            disabled={!unitId}
            data-testid="team-register-submit"
          >
            {t('teams.registerSubmit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

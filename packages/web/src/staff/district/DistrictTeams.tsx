import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, List, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { approveTeam, teamsKey, teamsQuery } from '../../api/entries';
import type { OrgUnit, Team } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { errorMessage } from '../../lib/error-message';
import { CenterLoader } from '../CenterLoader';
import { ErrorAlert } from '../ErrorAlert';
import { TeamRegisterForm } from './TeamRegisterForm';

/** The district's teams: who is registered, who waits for approval, and registering a commune's team. */
export function DistrictTeams({ slug, communes }: { slug: string; communes: OrgUnit[] }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const client = useQueryClient();
  const teams = useQuery(teamsQuery(slug));
  const [registering, setRegistering] = useState(false);
  const approve = useMutation({
    mutationFn: approveTeam,
    onSuccess: () => client.invalidateQueries({ queryKey: teamsKey(slug) }),
  });
  if (teams.isPending) return <CenterLoader />;
  if (teams.error) return <ErrorAlert error={teams.error} />;
  const ids = new Set(communes.map((c) => c.id));
  const mine = teams.data.filter((tm) => ids.has(tm.orgUnitId));
  const taken = new Set(mine.map((tm) => tm.orgUnitId));
  const pending = mine.filter((tm) => tm.status === 'pending');

  return (
    <Stack gap="sm" data-testid="district-teams">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('teams.summary', { n: mine.length, pending: pending.length })}
        </Text>
        {!registering && (
          <Button size="sm" onClick={() => setRegistering(true)} data-testid="team-register-open">
            {t('teams.register')}
          </Button>
        )}
      </Group>
      {registering && (
        <TeamRegisterForm
          slug={slug}
          communes={communes.filter((c) => !taken.has(c.id))}
          onDone={() => setRegistering(false)}
        />
      )}
      {approve.error && (
        <Alert color="red" role="alert" data-testid="team-approve-error">
          {errorMessage(approve.error, lang, t('errors.generic'))}
        </Alert>
      )}
      {mine.length === 0 && <Text size="sm">{t('teams.none')}</Text>}
      {mine.map((team) => (
        <TeamCard
          key={team.id}
          team={team}
          approving={approve.isPending && approve.variables === team.id}
          onApprove={() => approve.mutate(team.id)}
        />
      ))}
    </Stack>
  );
}

function TeamCard({ team, approving, onApprove }: { team: Team; approving: boolean; onApprove: () => void }) {
  const { t } = useTranslation();
  const pending = team.status === 'pending';
  return (
    <Card withBorder padding="sm" data-testid="team-card" data-status={team.status}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <div>
          <Text fw={600}>{team.name}</Text>
          <Text size="xs" c="dimmed">
            {team.orgUnitName}
          </Text>
        </div>
        <Badge color={pending ? 'orange' : 'green'} variant="light" tt="none" style={{ flexShrink: 0 }}>
          {t(`teams.status.${team.status}`)}
        </Badge>
      </Group>
      <List size="sm" mt={6} spacing={2}>
        {team.members.map((m) => (
          <List.Item key={m.id}>
            {m.name} — {m.position}
            {m.isLeader ? ` (${t('teams.leader')})` : ''}
            {m.email ? ` · ${m.email}` : ''}
            {m.phone ? ` · ${m.phone}` : ''}
          </List.Item>
        ))}
      </List>
      {pending && (
        <Button size="xs" mt="xs" loading={approving} onClick={onApprove} data-testid="team-approve">
          {t('teams.approve')}
        </Button>
      )}
    </Card>
  );
}

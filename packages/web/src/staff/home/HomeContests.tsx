import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeHome, Session } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { PhaseBadge } from '../shared/PhaseBadge';
import { Section } from '../shared/Section';
import { ContestWorkLinks } from '../contest/ContestWorkLinks';
import { hasContestRole } from '../use-session';

const OVERVIEW_ROLES = new Set(['admin', 'organizer', 'secretary', 'assistant', 'observer', 'judge']);

export function HomeContests({ contests, session }: { contests: MeHome['contests']; session: Session }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const isAdmin = session.assignments.some((a) => a.role === 'admin');
  if (contests.length === 0 && !isAdmin) return null;
  return (
    <Section title={isAdmin ? t('home.allContests') : t('home.myContests')} testId="home-contests">
      {contests.length === 0 && <Text size="sm">{t('home.noContests')}</Text>}
      <Stack gap="sm">
        {contests.map((c) => {
          const roles = isAdmin && !c.myRoles.includes('admin') ? [...c.myRoles, 'admin'] : c.myRoles;
          const canOverview = roles.some((r) => OVERVIEW_ROLES.has(r));
          const canEdit = roles.includes('organizer') || hasContestRole(session, 'organizer', c);
          const path = `/app/contests/${encodeURIComponent(c.slug)}`;
          return (
            <Card key={c.id} withBorder padding="sm" data-testid="home-contest" data-slug={c.slug}>
              <Stack gap={6}>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Text fw={600}>{pick(c.title)}</Text>
                  <PhaseBadge phase={c.phase} />
                </Group>
                <Text size="sm" c="dimmed">
                  {t('home.yourRoles')}: {roles.map((r) => t(`roles.${r}`, { defaultValue: r })).join(', ')}
                </Text>
                <Group gap="xs">
                  {canOverview && (
                    <Button component={Link} to={path} size="xs" data-testid="open-contest">
                      {t('home.openOverview')}
                    </Button>
                  )}
                  {canEdit && (
                    <Button component={Link} to={`${path}/config`} size="xs" variant="light">
                      {t('contest.editConfig')}
                    </Button>
                  )}
                </Group>
                <ContestWorkLinks slug={c.slug} roles={roles} session={session} size="xs" />
              </Stack>
            </Card>
          );
        })}
      </Stack>
    </Section>
  );
}

import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { meHomeQuery } from '../../api/staff';
import { useLang } from '../../i18n/use-lang';
import { CenterLoader } from '../CenterLoader';
import { ErrorAlert } from '../ErrorAlert';
import { Section } from '../shared/Section';
import { useSession } from '../use-session';
import { useSignOut } from '../use-sign-out';
import { HomeFeed } from '../feed/HomeFeed';
import { HomeContests } from './HomeContests';
import { HomeOrgUnits } from './HomeOrgUnits';
import { RoleList } from './RoleList';

export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const home = useQuery(meHomeQuery());
  const signOut = useSignOut();
  const { pick } = useLang();
  if (!session) return null;
  const titles = new Map(home.data?.contests.map((c) => [c.slug, pick(c.title)]));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <div>
          <Title order={1} size="h3" data-testid="home-greeting">
            {t('home.greeting', { name: session.user.name })}
          </Title>
          <Text size="sm" c="dimmed">
            {session.user.email}
          </Text>
        </div>
        <Button variant="default" onClick={() => signOut.mutate()} data-testid="home-sign-out">
          {t('auth.signOut')}
        </Button>
      </Group>
      <HomeFeed />
      <Section title={t('home.myRoles')} testId="home-roles">
        <RoleList assignments={session.assignments} titleOf={(slug) => titles.get(slug) ?? slug} />
      </Section>
      {home.isPending && <CenterLoader />}
      {home.error && <ErrorAlert error={home.error} />}
      {home.data && (
        <>
          <HomeContests contests={home.data.contests} session={session} />
          <HomeOrgUnits units={home.data.orgUnits} session={session} />
        </>
      )}
    </Stack>
  );
}

import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from './use-session';
import { useSignOut } from './use-sign-out';

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(-2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');

export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  if (!session) return null;
  const { user } = session;
  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('user.menu', { name: user.name })} data-testid="user-menu">
          <Group gap={6} wrap="nowrap">
            <Avatar size={32} radius="xl" color="blue">
              {initials(user.name || user.email)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate>
              {user.name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {user.name}
          </Text>
          <Text size="xs" truncate>
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Item component={Link} to="/app">
          {t('nav.home')}
        </Menu.Item>
        <Menu.Item component={Link} to="/totp-setup">
          {t('nav.totp')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" onClick={() => signOut.mutate()} data-testid="sign-out">
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

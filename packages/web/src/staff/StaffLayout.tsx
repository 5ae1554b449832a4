import { Anchor, AppShell, Container, Group } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { FeedBell } from './feed/FeedBell';
import { UserMenu } from './UserMenu';

export function StaffLayout() {
  return (
    <AppShell header={{ height: 56 }} padding={0}>
      <AppShell.Header>
        <Container size="lg" px="sm" h="100%" className="staff-header-inner">
          <Anchor component={Link} to="/app" className="staff-brand" underline="never">
            clipcontest
          </Anchor>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <FeedBell />
            <UserMenu />
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main>
        <Container size="lg" px="sm" py="md" className="staff-main">
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

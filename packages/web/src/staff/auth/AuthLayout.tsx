import { Anchor, Box, Container, Group, Paper } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';

export function AuthLayout() {
  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="space-between" wrap="nowrap" px="sm" py="xs" bg="white" className="staff-auth-header">
        <Anchor component={Link} to="/" className="staff-brand" underline="never">
          clipcontest
        </Anchor>
        <LanguageSwitch />
      </Group>
      <Container size={440} px="sm" py="lg">
        <Paper withBorder p="md" radius="md">
          <Outlet />
        </Paper>
      </Container>
    </Box>
  );
}

import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeHome, Session } from '../../api/types';
import { Section } from '../shared/Section';

export function HomeOrgUnits({ units, session }: { units: MeHome['orgUnits']; session: Session }) {
  const { t } = useTranslation();
  if (units.length === 0) return null;
  return (
    <Section title={t('home.myUnits')} testId="home-org-units">
      <Stack gap="sm">
        {units.map((u) => {
          const roles = session.assignments.filter((a) => a.orgUnitId === u.id).map((a) => a.role);
          const hint = roles.includes('coordinator')
            ? t('home.coordinatorUnit')
            : roles.includes('team')
              ? t('home.teamUnit')
              : t('home.unit');
          return (
            <Card key={u.id} withBorder padding="sm" data-testid="home-org-unit" data-code={u.code}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <div>
                  <Anchor component={Link} to={`/app/org-units/${encodeURIComponent(u.id)}`} fw={600}>
                    {u.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t(`orgKind.${u.kind}`, { defaultValue: u.kind })} · {t('orgUnit.code')} {u.code}
                  </Text>
                </div>
                <Text size="sm" c="dimmed">
                  {hint}
                  {roles.length > 0 ? ` (${roles.map((r) => t(`roles.${r}`)).join(', ')})` : ''}
                </Text>
              </Group>
            </Card>
          );
        })}
      </Stack>
    </Section>
  );
}

import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '../../api/types';

interface Props {
  assignments: Assignment[];
  /** A contest's title for its slug, once the home data has loaded. */
  titleOf: (slug: string) => string;
}

export function RoleList({ assignments, titleOf }: Props) {
  const { t } = useTranslation();
  if (assignments.length === 0) return <Text size="sm">{t('home.noRoles')}</Text>;
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {assignments.map((a) => {
        const scope = [
          a.contestSlug ? titleOf(a.contestSlug) : null,
          a.roundKey ? t('home.roundScope', { round: a.roundKey }) : null,
          a.orgUnitName,
        ].filter((s): s is string => Boolean(s));
        return (
          <Group component="li" key={a.id} gap="xs" wrap="wrap" data-testid="role-item" data-role={a.role}>
            <Badge variant="light" data-testid="role-badge">
              {t(`roles.${a.role}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {scope.length > 0 ? scope.join(' · ') : t('home.platformScope')}
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

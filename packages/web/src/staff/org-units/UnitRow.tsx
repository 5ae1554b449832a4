import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrgUnit } from '../../api/types';

/** One unit: its name (a link), then kind and code. */
export function UnitRow({ unit, extra }: { unit: OrgUnit; extra?: string }) {
  const { t } = useTranslation();
  return (
    <Stack
      component="li"
      gap={0}
      py={6}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="org-unit-row"
      data-code={unit.code}
    >
      <Anchor component={Link} to={`/app/org-units/${encodeURIComponent(unit.id)}`} size="sm">
        {unit.name}
      </Anchor>
      <Text size="xs" c="dimmed">
        {t(`orgKind.${unit.kind}`, { defaultValue: unit.kind })} · {t('orgUnit.code')} {unit.code}
        {extra ? ` · ${extra}` : ''}
      </Text>
    </Stack>
  );
}

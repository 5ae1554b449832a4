import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../api/types';
import { UnitRow } from './UnitRow';

export function UnitChildren({ units }: { units: OrgUnit[] }) {
  const { t } = useTranslation();
  if (units.length === 0) return <Text size="sm">{t('orgUnit.noChildren')}</Text>;
  return (
    <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {units.map((c) => (
        <UnitRow key={c.id} unit={c} />
      ))}
    </Stack>
  );
}

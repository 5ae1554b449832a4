import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Phase } from '../../api/types';

export function PhaseBadge({ phase }: { phase: Phase }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={phase === 'closed' ? 'gray' : 'orange'}
      variant="light"
      data-testid="phase"
      data-phase={phase}
    >
      {t(`phase.${phase}`)}
    </Badge>
  );
}

import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgressRow } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { formatNumber } from '../../lib/format';

// Drawn back to front: each later series is a subset of the earlier one, so the bars nest.
const SERIES = [
  { key: 'created', color: 'var(--mantine-color-gray-4)' },
  { key: 'submitted', color: 'var(--mantine-color-blue-4)' },
  { key: 'nominated', color: 'var(--mantine-color-grape-5)' },
  { key: 'accepted', color: 'var(--mantine-color-green-6)' },
] as const;

/** Entries per unit as nested horizontal bars (created ⊇ submitted ⊇ nominated ⊇ accepted). */
export function ProgressChart({ rows }: { rows: ProgressRow[] }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const max = Math.max(1, ...rows.map((r) => r.created));
  return (
    <div data-testid="progress-chart">
      <Group gap="sm" mb="xs" wrap="wrap">
        {SERIES.map((s) => (
          <Text key={s.key} size="xs">
            <span className="progress-chart-swatch" style={{ background: s.color }} />
            {t(`progress.col.${s.key}`)}
          </Text>
        ))}
      </Group>
      <div className="progress-chart" role="list">
        {rows.map((r) => (
          <div
            key={r.unit.id}
            className="progress-chart-row"
            role="listitem"
            data-testid="progress-bar"
            data-code={r.unit.code}
            aria-label={`${r.unit.name}: ${SERIES.map((s) => `${t(`progress.col.${s.key}`)} ${formatNumber(r[s.key], lang)}`).join(', ')}`}
          >
            <span className="progress-chart-label" title={r.unit.name}>
              {r.unit.name}
            </span>
            <div className="progress-chart-track">
              {SERIES.map((s) =>
                r[s.key] > 0 ? (
                  <div
                    key={s.key}
                    className="progress-chart-bar"
                    style={{ width: `${(r[s.key] / max) * 100}%`, background: s.color }}
                  />
                ) : null,
              )}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}

import { useState } from 'react';
import { ActionIcon, Button, Group, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RoundWindows, WindowKind } from '../../api/types';
import { WINDOW_KINDS } from '../shared/windows';
import { DateTimeField, GroupIssues } from './ConfigFields';

interface Props {
  windows: RoundWindows;
  path: string;
  onChange: (windows: RoundWindows) => void;
}

export function WindowFields({ windows, path, onChange }: Props) {
  const { t } = useTranslation();
  const present = WINDOW_KINDS.filter((k) => windows[k] !== undefined);
  const missing = WINDOW_KINDS.filter((k) => windows[k] === undefined);
  const [chosen, setChosen] = useState<WindowKind>('submission');
  const toAdd = missing.includes(chosen) ? chosen : missing[0];

  const remove = (kind: WindowKind) => {
    const next = { ...windows };
    delete next[kind];
    onChange(next);
  };

  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('cfg.windows')}
      </Text>
      <GroupIssues path={path} />
      {present.map((kind) => {
        const w = windows[kind] ?? { opensAt: '', closesAt: '' };
        const label = t(`windowKind.${kind}`);
        return (
          <div key={kind} data-testid="cfg-window" data-kind={kind}>
            <GroupIssues path={`${path}.${kind}`} />
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" style={{ flex: 1, minWidth: 0 }}>
                <DateTimeField
                  path={`${path}.${kind}.opensAt`}
                  label={t('cfg.windowOpens', { kind: label })}
                  value={w.opensAt}
                  onChange={(opensAt) => onChange({ ...windows, [kind]: { ...w, opensAt } })}
                />
                <DateTimeField
                  path={`${path}.${kind}.closesAt`}
                  label={t('cfg.windowCloses', { kind: label })}
                  value={w.closesAt}
                  onChange={(closesAt) => onChange({ ...windows, [kind]: { ...w, closesAt } })}
                />
              </SimpleGrid>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mb={2}
                aria-label={t('cfg.removeWindow', { kind: label })}
                onClick={() => remove(kind)}
              >
                ✕
              </ActionIcon>
            </Group>
          </div>
        );
      })}
      {toAdd && (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('cfg.addWindowKind')}
            value={toAdd}
            data={missing.map((k) => ({ value: k, label: t(`windowKind.${k}`) }))}
            onChange={(e) => {
              const v = missing.find((k) => k === e.currentTarget.value);
              if (v) setChosen(v);
            }}
          />
          <Button
            variant="light"
            onClick={() => onChange({ ...windows, [toAdd]: { opensAt: '', closesAt: '' } })}
          >
            {t('cfg.addWindow')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

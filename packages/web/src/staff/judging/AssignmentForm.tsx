import { Button, Group, NumberInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setAssignment, type JuryPanel, type PanelRef } from '../../api/judging';
import { ErrorAlert } from '../ErrorAlert';

type Mode = 'all' | 'balanced';

/**
 * The organizer's choice of who scores what: every judge every entry (default), or N judges per entry,
 * balanced. Conflicts of interest and recusals are always taken out by the server.
 */
export function AssignmentForm({
  panelRef,
  panel,
  onDone,
}: {
  panelRef: PanelRef;
  panel: JuryPanel;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(panel.assignment.mode);
  const [perEntry, setPerEntry] = useState<number>(
    panel.assignment.judgesPerEntry ?? Math.min(3, Math.max(1, panel.judges.length)),
  );
  const save = useMutation({
    mutationFn: () =>
      setAssignment(panelRef, mode === 'balanced' ? { mode, judgesPerEntry: perEntry } : { mode }),
    onSuccess: onDone,
  });
  const unchanged =
    mode === panel.assignment.mode && (mode === 'all' || perEntry === panel.assignment.judgesPerEntry);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      data-testid="assignment-form"
    >
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('judging.assignment.title')}
        </Text>
        <SegmentedControl
          fullWidth
          size="sm"
          value={mode}
          onChange={(v) => setMode(v === 'balanced' ? 'balanced' : 'all')}
          data={[
            { value: 'all', label: t('judging.assignment.all') },
            { value: 'balanced', label: t('judging.assignment.balanced') },
          ]}
          data-testid="assignment-mode"
        />
        <Group align="flex-end" gap="xs" wrap="wrap">
          {mode === 'balanced' ? (
            <NumberInput
              label={t('judging.assignment.perEntry')}
              min={1}
              max={Math.max(1, panel.judges.length)}
              step={1}
              allowDecimal={false}
              value={perEntry}
              onChange={(v) => setPerEntry(typeof v === 'number' ? v : 1)}
              w={180}
              data-testid="judges-per-entry"
            />
          ) : null}
          <Button
            type="submit"
            variant="light"
            disabled={unchanged}
            loading={save.isPending}
            data-testid="save-assignment"
          >
            {t('judging.assignment.save')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          {t('judging.assignment.hint')}
        </Text>
        {save.error ? <ErrorAlert error={save.error} /> : null}
      </Stack>
    </form>
  );
}

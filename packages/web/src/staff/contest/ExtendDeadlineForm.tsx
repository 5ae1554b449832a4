import { useState, type FormEvent } from 'react';
import { Alert, Button, NativeSelect, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { extendWindow } from '../../api/entries';
import { contestOrgUnitsQuery, contestQuery } from '../../api/staff';
import type { ContestView, WindowKind } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { errorMessage } from '../../lib/error-message';
import { withSeconds } from '../../lib/format';
import { Section } from '../shared/Section';
import { WINDOW_KINDS } from '../shared/windows';

/** The organizer pushes a window's end later, for everyone or one unit (and the units under it). */
export function ExtendDeadlineForm({ view }: { view: ContestView }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const client = useQueryClient();
  const { config } = view;
  const units = useQuery(contestOrgUnitsQuery(view.slug));
  const [roundKey, setRoundKey] = useState(config.rounds[0]?.key ?? '');
  const round = config.rounds.find((r) => r.key === roundKey);
  const kinds = WINDOW_KINDS.filter((k) => round?.windows[k]);
  const [chosenKind, setKind] = useState<WindowKind | null>(null);
  const kind = chosenKind && kinds.includes(chosenKind) ? chosenKind : kinds[0];
  const current = kind ? round?.windows[kind]?.closesAt : undefined;
  const [closesAt, setClosesAt] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      extendWindow(view.slug, {
        roundKey,
        kind: kind ?? 'submission',
        closesAt: withSeconds(closesAt ?? current?.slice(0, 16) ?? ''),
        reason: reason.trim(),
        expectedVersion: view.version,
        ...(unitId ? { orgUnitId: unitId } : {}),
      }),
    onSuccess: (next) => {
      client.setQueryData(contestQuery(view.slug).queryKey, next);
      setDone(true);
      setReason('');
      setClosesAt(null);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    save.mutate();
  };

  return (
    <Section title={t('extend.title')} testId="extend-deadline">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NativeSelect
              label={t('extend.round')}
              value={roundKey}
              onChange={(e) => setRoundKey(e.currentTarget.value)}
              data={config.rounds.map((r) => ({ value: r.key, label: pick(r.name) }))}
              data-testid="extend-round"
            />
            <NativeSelect
              label={t('extend.kind')}
              value={kind ?? ''}
              onChange={(e) => setKind(WINDOW_KINDS.find((k) => k === e.currentTarget.value) ?? null)}
              data={kinds.map((k) => ({ value: k, label: t(`windowKind.${k}`) }))}
              data-testid="extend-kind"
            />
          </SimpleGrid>
          <TextInput
            type="datetime-local"
            step={60}
            label={t('extend.closesAt')}
            description={t('extend.closesAtHint', { tz: config.timezone })}
            required
            value={closesAt ?? current?.slice(0, 16) ?? ''}
            onChange={(e) => setClosesAt(e.currentTarget.value)}
            data-testid="extend-closes-at"
          />
          <Select
            label={t('extend.unit')}
            description={t('extend.unitHint')}
            placeholder={t('extend.allUnits')}
            searchable
            clearable
            value={unitId}
            onChange={setUnitId}
            data={(units.data?.units ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))}
            comboboxProps={{ withinPortal: true }}
            data-testid="extend-unit"
          />
          <Textarea
            label={t('extend.reason')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="extend-reason"
          />
          {save.error && (
            <Alert color="red" role="alert" data-testid="extend-error">
              {errorMessage(save.error, lang, t('errors.generic'))}
            </Alert>
          )}
          {done && (
            <Alert color="green" data-testid="extend-done">
              {t('extend.done')}
            </Alert>
          )}
          <Button
            type="submit"
            loading={save.isPending}
            disabled={!kind || !reason.trim()}
            data-testid="extend-submit"
          >
            {t('extend.submit')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

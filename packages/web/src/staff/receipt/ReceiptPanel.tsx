import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { acceptEntry, rejectEntry, returnEntry, saveChecklist } from '../../api/entries';
import type { EntryView } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { errorMessage } from '../../lib/error-message';
import { localInputValue, withSeconds } from '../../lib/format';
import { useEntryMutation } from '../entries/use-entry-mutation';
import { Section } from '../shared/Section';

type Decision = 'return' | 'reject' | null;

const DAY = 24 * 60 * 60 * 1000;

/** The secretariat's eligibility checklist and decision on an entry sent to the organizer. */
export function ReceiptPanel({ entry, timeZone }: { entry: EntryView; timeZone: string }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const canDecide = entry.actions.includes('accept');
  const [decision, setDecision] = useState<Decision>(null);
  const [reason, setReason] = useState('');
  const [deadline, setDeadline] = useState(() => localInputValue(new Date(Date.now() + 3 * DAY), timeZone));
  // A tick shows at once; it is saved right away and undone if the server refuses it.
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const tick = useEntryMutation((flags: Record<string, boolean>) => saveChecklist(entry.id, flags));
  const toggle = (key: string, value: boolean) => {
    setTicked((m) => ({ ...m, [key]: value }));
    tick.mutate(
      { [key]: value },
      {
        onError: () =>
          setTicked((m) => {
            const { [key]: _dropped, ...rest } = m;
            return rest;
          }),
      },
    );
  };
  // Ticks are saved as they are made, so accepting sends no checklist of its own.
  const accept = useEntryMutation(() => acceptEntry(entry.id, {}));
  const sendBack = useEntryMutation(() => returnEntry(entry.id, reason.trim(), withSeconds(deadline)));
  const reject = useEntryMutation(() => rejectEntry(entry.id, reason.trim()));
  const error = tick.error ?? accept.error ?? sendBack.error ?? reject.error;
  const busy = tick.isPending || accept.isPending || sendBack.isPending || reject.isPending;
  const allOk = entry.checklist.every((i) => i.ok === true);

  const choose = (d: Decision) => {
    setDecision(d);
    setReason('');
    for (const m of [accept, sendBack, reject]) m.reset();
  };

  return (
    <Section title={t('receipt.checklist')} testId="receipt-panel">
      <Stack gap="sm">
        <Stack gap={6} data-testid="checklist">
          {entry.checklist.map((item) =>
            item.auto || !canDecide ? (
              <Text
                key={item.key}
                size="sm"
                c={item.ok === true ? 'green' : item.ok === false ? 'red' : 'dimmed'}
                data-testid="checklist-auto"
                data-key={item.key}
                data-ok={String(item.ok)}
              >
                {item.ok === true ? '✓' : item.ok === false ? '✗' : '○'} {pick(item.label)}
                {item.auto ? ` (${t('receipt.auto')})` : ''}
              </Text>
            ) : (
              <Checkbox
                key={item.key}
                label={pick(item.label)}
                checked={ticked[item.key] ?? item.ok === true}
                disabled={busy}
                onChange={(e) => toggle(item.key, e.currentTarget.checked)}
                data-testid="checklist-manual"
                data-key={item.key}
              />
            ),
          )}
        </Stack>
        {canDecide && (
          <>
            <Group gap="xs" wrap="wrap">
              <Button
                color="green"
                disabled={busy || !allOk}
                loading={accept.isPending}
                onClick={() => {
                  choose(null);
                  accept.mutate();
                }}
                data-testid="receipt-accept"
              >
                {t('receipt.accept')}
              </Button>
              <Button
                variant={decision === 'return' ? 'filled' : 'light'}
                color="orange"
                disabled={busy}
                onClick={() => choose('return')}
                data-testid="receipt-return"
              >
                {t('receipt.return')}
              </Button>
              <Button
                variant={decision === 'reject' ? 'filled' : 'light'}
                color="red"
                disabled={busy}
                onClick={() => choose('reject')}
                data-testid="receipt-reject"
              >
                {t('receipt.reject')}
              </Button>
            </Group>
            {!allOk && (
              <Text size="xs" c="dimmed">
                {t('receipt.tickAll')}
              </Text>
            )}
          </>
        )}
        {canDecide && decision && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (decision === 'return') sendBack.mutate();
              else reject.mutate();
            }}
            data-testid={`receipt-${decision}-form`}
          >
            <Stack gap="xs">
              <Textarea
                label={t('receipt.reason')}
                required
                autosize
                minRows={2}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                data-testid="receipt-reason"
              />
              {decision === 'return' && (
                <TextInput
                  type="datetime-local"
                  label={t('receipt.fixDeadline')}
                  description={t('receipt.fixDeadlineHint', { tz: timeZone })}
                  required
                  step={60}
                  value={deadline}
                  onChange={(e) => setDeadline(e.currentTarget.value)}
                  data-testid="receipt-deadline"
                />
              )}
              <Group gap="xs">
                <Button
                  type="submit"
                  color={decision === 'return' ? 'orange' : 'red'}
                  disabled={!reason.trim() || (decision === 'return' && !deadline)}
                  loading={sendBack.isPending || reject.isPending}
                  data-testid="receipt-confirm"
                >
                  {decision === 'return' ? t('receipt.confirmReturn') : t('receipt.confirmReject')}
                </Button>
                <Button variant="default" onClick={() => choose(null)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
        {error && (
          <Alert color="red" role="alert" data-testid="receipt-error">
            {errorMessage(error, lang, t('errors.generic'))}
          </Alert>
        )}
      </Stack>
    </Section>
  );
}

import { useState } from 'react';
import { Alert, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { entryCommands, withdrawEntry, type EntryCommand } from '../../api/entries';
import { isApiError } from '../../api/errors';
import type { EntryRules, EntryView } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { errorMessage } from '../../lib/error-message';
import { useEntryMutation } from './use-entry-mutation';

const COMMANDS: readonly EntryCommand[] = ['submit', 'unsubmit', 'nominate', 'unnominate'];

/** The buttons the server offers for this entry now (`actions`), and what it said when one failed. */
interface Props {
  entry: EntryView;
  rules: EntryRules;
  /** The details form has unsaved changes (submitting would send the old ones). */
  dirty: boolean;
}

export function EntryActions({ entry, rules, dirty }: Props) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  const [reason, setReason] = useState('');
  const command = useEntryMutation((name: EntryCommand) => entryCommands[name](entry.id));
  const withdraw = useEntryMutation((why: string) => withdrawEntry(entry.id, why.trim() || undefined));
  const offered = COMMANDS.filter((c) => entry.actions.includes(c));
  const canWithdraw = entry.actions.includes('withdraw');
  if (offered.length === 0 && !canWithdraw) return null;
  const error = command.error ?? withdraw.error;
  // "Cannot submit yet": name what is missing in words, not by the server's field paths.
  const missing =
    isApiError(error) && error.code === 'entry_incomplete' ? error.issues.map((i) => i.path) : [];
  const nameOf = (path: string): string => {
    if (path === 'video') return t('upload.videoTitle');
    const declaration = rules.declarations.find((d) => `declarations.${d.key}` === path);
    if (declaration) return t('entry.declarationNamed', { label: pick(declaration.label) });
    return t(`entry.${path}`, { defaultValue: path });
  };
  const busy = command.isPending || withdraw.isPending;

  return (
    <Stack gap="xs" data-testid="entry-actions">
      {dirty && offered.includes('submit') && (
        <Text size="sm" c="orange" data-testid="entry-unsaved">
          {t('entry.saveFirst')}
        </Text>
      )}
      <Group gap="xs" wrap="wrap">
        {offered.map((c) => (
          <Button
            key={c}
            variant={c === 'submit' || c === 'nominate' ? 'filled' : 'default'}
            disabled={busy || (c === 'submit' && dirty)}
            loading={command.isPending && command.variables === c}
            onClick={() => {
              withdraw.reset();
              command.mutate(c);
            }}
            data-testid={`entry-${c}`}
          >
            {t(`entryAction.${c}`)}
          </Button>
        ))}
        {canWithdraw && !confirmWithdraw && (
          <Button
            variant="subtle"
            color="red"
            disabled={busy}
            onClick={() => setConfirmWithdraw(true)}
            data-testid="entry-withdraw"
          >
            {t('entryAction.withdraw')}
          </Button>
        )}
      </Group>
      {confirmWithdraw && (
        <Stack gap="xs" data-testid="withdraw-confirm">
          <Text size="sm">{t('entry.withdrawWarning')}</Text>
          <TextInput
            label={t('entry.withdrawReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="withdraw-reason"
          />
          <Group gap="xs">
            <Button
              color="red"
              loading={withdraw.isPending}
              onClick={() => {
                command.reset();
                withdraw.mutate(reason, { onSuccess: () => setConfirmWithdraw(false) });
              }}
              data-testid="withdraw-confirm-button"
            >
              {t('entryAction.withdraw')}
            </Button>
            <Button variant="default" onClick={() => setConfirmWithdraw(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
      {error && (
        <Alert
          color="red"
          role="alert"
          data-testid="entry-action-error"
          data-code={isApiError(error) ? error.code : ''}
        >
          {missing.length > 0 ? (
            <>
              {t('entry.missing')}
              <List size="sm" mt={4}>
                {missing.map((path) => (
                  <List.Item key={path}>{nameOf(path)}</List.Item>
                ))}
              </List>
            </>
          ) : (
            errorMessage(error, lang, t('errors.generic'))
          )}
        </Alert>
      )}
    </Stack>
  );
}

import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntryRules, EntryView } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { Field } from '../shared/Field';

/** The entry's details as sent, for everyone who may not (or no longer) edit them. */
export function EntryDetails({ entry, rules }: { entry: EntryView; rules: EntryRules }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  return (
    <Stack gap="sm" data-testid="entry-details">
      <Field label={t('entry.synopsis')} testId="entry-synopsis">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {entry.synopsis || '—'}
        </Text>
      </Field>
      <Field label={t('entry.credits')} testId="entry-credits">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {entry.credits || '—'}
        </Text>
      </Field>
      {rules.declarations.length > 0 && (
        <Field label={t('entry.declarations')}>
          <List size="sm" spacing={4} listStyleType="none">
            {rules.declarations.map((d) => (
              <List.Item
                key={d.key}
                data-testid="entry-declared"
                data-ok={entry.declarations[d.key] === true}
              >
                {entry.declarations[d.key] === true ? '✓ ' : '✗ '}
                {pick(d.label)}
              </List.Item>
            ))}
          </List>
        </Field>
      )}
    </Stack>
  );
}

import { useState, type FormEvent } from 'react';
import { Alert, Button, Checkbox, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import type { EntryFields, EntryRules } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { errorMessage } from '../../lib/error-message';

export interface EntryFormValues {
  title: string;
  synopsis: string;
  credits: string;
  declarations: Record<string, boolean>;
}

interface Props {
  initial: EntryFormValues;
  rules: EntryRules;
  submitLabel: string;
  onSave: (values: EntryFields) => Promise<unknown>;
  /** Told whenever the form starts or stops differing from `initial`. */
  onDirtyChange?: (dirty: boolean) => void;
}

const same = (a: EntryFormValues, b: EntryFormValues): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Title, synopsis, credits and the contest's declarations; the server's refusals shown by their field. */
export function EntryForm({ initial, rules, submitLabel, onSave, onDirtyChange }: Props) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [values, setValues] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const required = new Set<string>(rules.requiredFields);

  const change = (next: EntryFormValues) => {
    setValues(next);
    onDirtyChange?.(!same(next, initial));
  };
  const issue = (path: string): string | undefined => {
    if (!isApiError(error)) return undefined;
    const found = error.issues.find((i) => i.path === path);
    return found ? found.message[lang] || found.message.vi : undefined;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await onSave(values);
      onDirtyChange?.(false);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} data-testid="entry-form" noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('entry.title')}
          required
          maxLength={200}
          value={values.title}
          onChange={(e) => change({ ...values, title: e.currentTarget.value })}
          error={issue('title')}
          data-testid="entry-title-input"
        />
        <Textarea
          label={t('entry.synopsis')}
          description={t('entry.synopsisHint')}
          required={required.has('synopsis')}
          autosize
          minRows={3}
          maxRows={10}
          value={values.synopsis}
          onChange={(e) => change({ ...values, synopsis: e.currentTarget.value })}
          error={issue('synopsis')}
          data-testid="entry-synopsis-input"
        />
        <Textarea
          label={t('entry.credits')}
          description={t('entry.creditsHint')}
          required={required.has('credits')}
          autosize
          minRows={2}
          maxRows={8}
          value={values.credits}
          onChange={(e) => change({ ...values, credits: e.currentTarget.value })}
          error={issue('credits')}
          data-testid="entry-credits-input"
        />
        {rules.declarations.length > 0 && (
          <Stack gap="xs" data-testid="entry-declarations">
            <Text size="sm" fw={500}>
              {t('entry.declarations')}
            </Text>
            {rules.declarations.map((d) => (
              <Checkbox
                key={d.key}
                label={`${pick(d.label)}${d.required ? ' *' : ''}`}
                checked={values.declarations[d.key] === true}
                onChange={(e) =>
                  change({
                    ...values,
                    declarations: { ...values.declarations, [d.key]: e.currentTarget.checked },
                  })
                }
                error={issue(`declarations.${d.key}`)}
                data-testid="entry-declaration"
                data-key={d.key}
              />
            ))}
          </Stack>
        )}
        {error !== null && (
          <Alert color="red" role="alert" data-testid="entry-form-error">
            {errorMessage(error, lang, t('errors.generic'))}
          </Alert>
        )}
        <Button type="submit" loading={saving} data-testid="entry-save">
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}

import { Badge, Group, List, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EntryRules } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { formatDuration, formatFileSize, formatNumber } from '../../lib/format';
import { Field } from '../shared/Field';
import { Section } from '../shared/Section';

export function EntryRulesSection({ rules }: { rules: EntryRules }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  return (
    <Section title={t('contest.entryRules')} testId="contest-entry-rules">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
          <Field label={t('entryRules.duration')}>
            {formatDuration(rules.minDurationSeconds)} – {formatDuration(rules.maxDurationSeconds)}
          </Field>
          <Field label={t('entryRules.maxSize')}>{formatFileSize(rules.maxSizeBytes, lang)}</Field>
          {rules.minHeight !== undefined && (
            <Field label={t('entryRules.minHeight')}>{formatNumber(rules.minHeight, lang)}p</Field>
          )}
          <Field label={t('entryRules.maxEntriesPerTeam')}>
            {formatNumber(rules.maxEntriesPerTeam, lang)}
          </Field>
        </SimpleGrid>
        <Field label={t('entryRules.containers')}>
          <Group gap={4} wrap="wrap">
            {rules.allowedContainers.map((c) => (
              <Badge key={c} variant="outline" tt="none">
                {c}
              </Badge>
            ))}
          </Group>
        </Field>
        {rules.requiredFields.length > 0 && (
          <Field label={t('entryRules.requiredFields')}>
            {rules.requiredFields.map((f) => t(`entryField.${f}`, { defaultValue: f })).join(', ')}
          </Field>
        )}
        {rules.declarations.length > 0 && (
          <Field label={t('entryRules.declarations')}>
            <List size="sm">
              {rules.declarations.map((d) => (
                <List.Item key={d.key}>
                  {pick(d.label)}
                  {d.required ? ` (${t('entryRules.required')})` : ''}
                </List.Item>
              ))}
            </List>
          </Field>
        )}
      </Stack>
    </Section>
  );
}

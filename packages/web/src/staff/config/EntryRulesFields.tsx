import { Checkbox, Fieldset, Group, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Container, EntryRules } from '../../api/types';
import { BYTES_PER_MB } from '../../lib/format';
import { GroupIssues, NumField } from './ConfigFields';
import { useIssue } from './issues-context';

const CONTAINERS = ['mp4', 'mov', 'webm', 'mkv', 'm4v', 'avi'] as const satisfies readonly Container[];
const P = 'entryRules';

export function EntryRulesFields({
  rules,
  onChange,
}: {
  rules: EntryRules;
  onChange: (r: EntryRules) => void;
}) {
  const { t } = useTranslation();
  const containersError = useIssue(`${P}.allowedContainers`);
  const mb = rules.maxSizeBytes / BYTES_PER_MB;
  return (
    <Fieldset legend={t('contest.entryRules')} data-testid="cfg-entry-rules">
      <Stack gap="sm">
        <GroupIssues path={P} />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <NumField
            path={`${P}.minDurationSeconds`}
            label={t('cfg.minDuration')}
            min={0}
            allowDecimal={false}
            value={rules.minDurationSeconds}
            onChange={(v) => onChange({ ...rules, minDurationSeconds: v ?? NaN })}
          />
          <NumField
            path={`${P}.maxDurationSeconds`}
            label={t('cfg.maxDuration')}
            min={0}
            allowDecimal={false}
            value={rules.maxDurationSeconds}
            onChange={(v) => onChange({ ...rules, maxDurationSeconds: v ?? NaN })}
          />
          <NumField
            path={`${P}.maxSizeBytes`}
            label={t('cfg.maxSizeMb')}
            min={0}
            decimalScale={1}
            value={Number.isFinite(mb) ? Math.round(mb * 10) / 10 : null}
            onChange={(v) =>
              onChange({ ...rules, maxSizeBytes: v === null ? NaN : Math.round(v * BYTES_PER_MB) })
            }
          />
          <NumField
            path={`${P}.minHeight`}
            label={t('cfg.minHeight')}
            description={t('cfg.optionalHint')}
            min={0}
            allowDecimal={false}
            value={rules.minHeight}
            onChange={(v) => onChange({ ...rules, minHeight: v ?? undefined })}
          />
          <NumField
            path={`${P}.maxEntriesPerTeam`}
            label={t('cfg.maxEntriesPerTeam')}
            min={1}
            allowDecimal={false}
            value={rules.maxEntriesPerTeam}
            onChange={(v) => onChange({ ...rules, maxEntriesPerTeam: v ?? NaN })}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('entryRules.containers')}
          value={rules.allowedContainers}
          error={containersError}
          onChange={(values) =>
            onChange({ ...rules, allowedContainers: CONTAINERS.filter((c) => values.includes(c)) })
          }
          data-testid={`cfg-${P}.allowedContainers`}
        >
          <Group gap="md" mt={6}>
            {CONTAINERS.map((c) => (
              <Checkbox key={c} value={c} label={c} />
            ))}
          </Group>
        </Checkbox.Group>
      </Stack>
    </Fieldset>
  );
}

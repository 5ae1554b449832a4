import { Checkbox, Fieldset, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Round } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { GroupIssues, NumField, SelectField } from './ConfigFields';
import { useIssue } from './issues-context';
import { WindowFields } from './WindowFields';

const AGGREGATIONS = [
  'mean',
  'median',
  'trimmed-mean',
] as const satisfies readonly Round['aggregation']['method'][];

export function RoundFields({
  round,
  index,
  onChange,
}: {
  round: Round;
  index: number;
  onChange: (r: Round) => void;
}) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const p = `rounds.${index}`;
  const zScoreError = useIssue(`${p}.aggregation.zScore`);
  const scored = round.method !== 'selection';
  return (
    <Fieldset legend={`${index + 1}. ${pick(round.name)}`} data-testid="cfg-round" data-round={round.key}>
      <Stack gap="sm">
        <GroupIssues path={p} />
        <WindowFields
          windows={round.windows}
          path={`${p}.windows`}
          onChange={(windows) => onChange({ ...round, windows })}
        />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <NumField
            path={`${p}.quotaPerScopeUnit`}
            label={t('cfg.quota')}
            description={t('cfg.quotaHint')}
            min={0}
            allowDecimal={false}
            value={round.quotaPerScopeUnit}
            onChange={(v) => onChange({ ...round, quotaPerScopeUnit: v })}
          />
          <NumField
            path={`${p}.finalistCount`}
            label={t('cfg.finalistCount')}
            description={t('cfg.optionalHint')}
            min={0}
            allowDecimal={false}
            value={round.finalistCount}
            onChange={(v) => onChange({ ...round, finalistCount: v ?? undefined })}
          />
          <NumField
            path={`${p}.juryMaxPoints`}
            label={t('cfg.juryMaxPoints')}
            min={0}
            value={round.juryMaxPoints}
            onChange={(v) => onChange({ ...round, juryMaxPoints: v ?? NaN })}
          />
          <NumField
            path={`${p}.audienceMaxPoints`}
            label={t('cfg.audienceMaxPoints')}
            min={0}
            value={round.audienceMaxPoints}
            onChange={(v) => onChange({ ...round, audienceMaxPoints: v ?? NaN })}
          />
        </SimpleGrid>
        {scored && (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <SelectField
              path={`${p}.aggregation.method`}
              label={t('cfg.aggregation')}
              value={round.aggregation.method}
              options={AGGREGATIONS.map((m) => ({ value: m, label: t(`aggregation.${m}`) }))}
              onChange={(method) => onChange({ ...round, aggregation: { ...round.aggregation, method } })}
            />
            <Checkbox
              mt={{ base: 0, xs: 28 }}
              label={t('cfg.zScore')}
              checked={round.aggregation.zScore}
              error={zScoreError}
              onChange={(e) =>
                onChange({ ...round, aggregation: { ...round.aggregation, zScore: e.currentTarget.checked } })
              }
              data-testid={`cfg-${p}.aggregation.zScore`}
            />
          </SimpleGrid>
        )}
      </Stack>
    </Fieldset>
  );
}

import { useState } from 'react';
import { Button, Fieldset, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AudienceFormula, AudienceSource } from '../../api/types';
import { GroupIssues, NumField, SelectField } from './ConfigFields';
import { useIssue } from './issues-context';
import { removeAt, replaceAt } from './list-utils';

const SOURCES = ['native', 'facebook'] as const satisfies readonly AudienceSource['source'][];
const NORMALIZATIONS = [
  'proportional-to-max',
  'rank-table',
  'raw',
] as const satisfies readonly AudienceFormula['normalization'][];
const P = 'audienceFormula';

interface Props {
  formula: AudienceFormula | undefined;
  onChange: (f: AudienceFormula | undefined) => void;
}

export function AudienceFields({ formula, onChange }: Props) {
  const { t } = useTranslation();
  if (!formula) {
    return (
      <Fieldset legend={t('contest.scoring')} data-testid="cfg-audience">
        <GroupIssues path={P} />
        <Button
          variant="light"
          onClick={() =>
            onChange({
              sources: [{ source: 'native', likeWeight: 1, shareWeight: 1 }],
              normalization: 'proportional-to-max',
            })
          }
        >
          {t('cfg.addFormula')}
        </Button>
      </Fieldset>
    );
  }
  const f = formula;
  const missing = SOURCES.filter((s) => !f.sources.some((x) => x.source === s));
  const setSources = (sources: AudienceSource[]) => onChange({ ...f, sources });
  return (
    <Fieldset legend={t('cfg.audienceFormula')} data-testid="cfg-audience">
      <Stack gap="sm">
        <GroupIssues path={P} />
        <GroupIssues path={`${P}.sources`} />
        {f.sources.map((s, i) => (
          <Fieldset
            key={s.source}
            variant="filled"
            legend={t(`audience.source.${s.source}`)}
            data-source={s.source}
          >
            <GroupIssues path={`${P}.sources.${i}`} />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
              <NumField
                path={`${P}.sources.${i}.likeWeight`}
                label={t('cfg.likeWeight')}
                min={0}
                value={s.likeWeight}
                onChange={(v) => setSources(replaceAt(f.sources, i, { ...s, likeWeight: v ?? NaN }))}
              />
              <NumField
                path={`${P}.sources.${i}.shareWeight`}
                label={t('cfg.shareWeight')}
                min={0}
                value={s.shareWeight}
                onChange={(v) => setSources(replaceAt(f.sources, i, { ...s, shareWeight: v ?? NaN }))}
              />
            </SimpleGrid>
            <Group justify="flex-end" mt="xs">
              <Button
                variant="subtle"
                color="red"
                size="xs"
                onClick={() => setSources(removeAt(f.sources, i))}
              >
                {t('cfg.removeSource', { source: t(`audience.source.${s.source}`) })}
              </Button>
            </Group>
          </Fieldset>
        ))}
        {missing.map((s) => (
          <Button
            key={s}
            variant="light"
            onClick={() => setSources([...f.sources, { source: s, likeWeight: 1, shareWeight: 1 }])}
          >
            {t('cfg.addSource', { source: t(`audience.source.${s}`) })}
          </Button>
        ))}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <SelectField
            path={`${P}.normalization`}
            label={t('audience.normalization')}
            value={f.normalization}
            options={NORMALIZATIONS.map((v) => ({ value: v, label: t(`normalization.${v}`) }))}
            onChange={(normalization) => onChange({ ...f, normalization })}
          />
          <NumField
            path={`${P}.hideCountsLastDays`}
            label={t('cfg.hideCountsLastDays')}
            description={t('cfg.optionalHint')}
            min={0}
            allowDecimal={false}
            value={f.hideCountsLastDays}
            onChange={(v) => onChange({ ...f, hideCountsLastDays: v ?? undefined })}
          />
        </SimpleGrid>
        {f.normalization === 'rank-table' && (
          <RankTableField value={f.rankTable ?? []} onChange={(rankTable) => onChange({ ...f, rankTable })} />
        )}
      </Stack>
    </Fieldset>
  );
}

/** Comma-separated points by rank; the text is kept as typed, the numbers go to the config. */
function RankTableField({ value, onChange }: { value: number[]; onChange: (v: number[]) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => value.join('; '));
  const error = useIssue(`${P}.rankTable`);
  return (
    <TextInput
      label={t('audience.rankTable')}
      description={t('cfg.rankTableHint')}
      value={text}
      error={error}
      data-testid={`cfg-${P}.rankTable`}
      onChange={(e) => {
        const raw = e.currentTarget.value;
        setText(raw);
        onChange(
          raw
            .split(/[;\s]+/)
            .map((s) => s.trim().replace(',', '.'))
            .filter((s) => s !== '')
            .map(Number)
            .filter((n) => Number.isFinite(n)),
        );
      }}
    />
  );
}

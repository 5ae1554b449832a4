import { Button, Fieldset, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Criterion, Rubric } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { formatNumber } from '../../lib/format';
import { GroupIssues, NumField, TextField } from './ConfigFields';
import { freshKey, removeAt, replaceAt } from './list-utils';

export function RubricFields({
  rubric,
  index,
  onChange,
}: {
  rubric: Rubric;
  index: number;
  onChange: (r: Rubric) => void;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const p = `rubrics.${index}`;
  const setCriteria = (criteria: Criterion[]) => onChange({ ...rubric, criteria });
  const add = () =>
    setCriteria([
      ...rubric.criteria,
      {
        key: freshKey(
          'criterion',
          rubric.criteria.map((c) => c.key),
        ),
        label: { vi: '', en: '' },
        description: { vi: '', en: '' },
        maxPoints: 10,
        step: 0.5,
      },
    ]);
  const total = rubric.criteria.reduce((s, c) => s + (Number.isFinite(c.maxPoints) ? c.maxPoints : 0), 0);
  return (
    <Fieldset
      legend={t('contest.rubricKey', { key: rubric.key })}
      data-testid="cfg-rubric"
      data-rubric={rubric.key}
    >
      <Stack gap="sm">
        <GroupIssues path={p} />
        <GroupIssues path={`${p}.criteria`} />
        {rubric.criteria.map((c, i) => (
          <CriterionFields
            key={i}
            criterion={c}
            index={i}
            path={`${p}.criteria.${i}`}
            onChange={(next) => setCriteria(replaceAt(rubric.criteria, i, next))}
            onRemove={() => setCriteria(removeAt(rubric.criteria, i))}
          />
        ))}
        <Group justify="space-between" gap="xs">
          <Button variant="light" onClick={add} data-testid="cfg-add-criterion">
            {t('cfg.addCriterion')}
          </Button>
          <Text size="sm" fw={600} data-testid="cfg-rubric-total">
            {t('rubric.totalPoints', { n: formatNumber(total, lang) })}
          </Text>
        </Group>
      </Stack>
    </Fieldset>
  );
}

interface CriterionProps {
  criterion: Criterion;
  index: number;
  path: string;
  onChange: (c: Criterion) => void;
  onRemove: () => void;
}

function CriterionFields({ criterion: c, index, path, onChange, onRemove }: CriterionProps) {
  const { t } = useTranslation();
  return (
    <Fieldset
      legend={t('cfg.criterionN', { n: index + 1 })}
      variant="filled"
      data-testid="cfg-criterion"
      data-criterion={c.key}
    >
      <Stack gap="xs">
        <GroupIssues path={path} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextField
            path={`${path}.label.vi`}
            label={t('cfg.labelVi')}
            value={c.label.vi}
            onChange={(vi) => onChange({ ...c, label: { ...c.label, vi } })}
          />
          <TextField
            path={`${path}.label.en`}
            label={t('cfg.labelEn')}
            value={c.label.en}
            onChange={(en) => onChange({ ...c, label: { ...c.label, en } })}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
          <TextField
            path={`${path}.key`}
            label={t('cfg.criterionKey')}
            value={c.key}
            onChange={(key) => onChange({ ...c, key })}
          />
          <NumField
            path={`${path}.maxPoints`}
            label={t('rubric.maxPoints')}
            min={0}
            value={c.maxPoints}
            onChange={(v) => onChange({ ...c, maxPoints: v ?? NaN })}
          />
          <NumField
            path={`${path}.step`}
            label={t('rubric.step')}
            min={0}
            step={0.25}
            value={c.step}
            onChange={(v) => onChange({ ...c, step: v ?? NaN })}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
            {t('cfg.removeCriterion', { n: index + 1 })}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

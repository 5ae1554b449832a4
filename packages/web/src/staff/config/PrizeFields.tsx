import { Button, Fieldset, Group, SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConfigPrize, PrizeKind } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { GroupIssues, NumField, SelectField, TextField } from './ConfigFields';
import { freshKey, removeAt, replaceAt } from './list-utils';

const KINDS = ['jury', 'audience'] as const satisfies readonly PrizeKind[];

export function PrizeFields({
  prizes,
  onChange,
}: {
  prizes: ConfigPrize[];
  onChange: (p: ConfigPrize[]) => void;
}) {
  const { t } = useTranslation();
  const add = () =>
    onChange([
      ...prizes,
      {
        key: freshKey(
          'prize',
          prizes.map((p) => p.key),
        ),
        name: { vi: '', en: '' },
        count: 1,
        amountVnd: 0,
        kind: 'jury',
      },
    ]);
  return (
    <Fieldset legend={t('landing.prizes')} data-testid="cfg-prizes">
      <Stack gap="sm">
        <GroupIssues path="prizes" />
        {prizes.map((prize, i) => (
          <PrizeItem
            key={i}
            prize={prize}
            index={i}
            onChange={(next) => onChange(replaceAt(prizes, i, next))}
            onRemove={() => onChange(removeAt(prizes, i))}
          />
        ))}
        <Group>
          <Button variant="light" onClick={add} data-testid="cfg-add-prize">
            {t('cfg.addPrize')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

interface ItemProps {
  prize: ConfigPrize;
  index: number;
  onChange: (p: ConfigPrize) => void;
  onRemove: () => void;
}

function PrizeItem({ prize, index, onChange, onRemove }: ItemProps) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const p = `prizes.${index}`;
  const name = pick(prize.name);
  return (
    <Fieldset
      variant="filled"
      legend={name ? `${t('cfg.prizeN', { n: index + 1 })}: ${name}` : t('cfg.prizeN', { n: index + 1 })}
      data-testid="cfg-prize"
      data-prize={prize.key}
    >
      <Stack gap="xs">
        <GroupIssues path={p} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextField
            path={`${p}.name.vi`}
            label={t('cfg.prizeNameVi')}
            value={prize.name.vi}
            onChange={(vi) => onChange({ ...prize, name: { ...prize.name, vi } })}
          />
          <TextField
            path={`${p}.name.en`}
            label={t('cfg.prizeNameEn')}
            value={prize.name.en}
            onChange={(en) => onChange({ ...prize, name: { ...prize.name, en } })}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs">
          <NumField
            path={`${p}.count`}
            label={t('cfg.prizeCount')}
            min={0}
            allowDecimal={false}
            value={prize.count}
            onChange={(v) => onChange({ ...prize, count: v ?? NaN })}
          />
          <NumField
            path={`${p}.amountVnd`}
            label={t('cfg.prizeAmount')}
            min={0}
            allowDecimal={false}
            step={500000}
            value={prize.amountVnd}
            onChange={(v) => onChange({ ...prize, amountVnd: v ?? NaN })}
          />
          <SelectField
            path={`${p}.kind`}
            label={t('cfg.prizeKind')}
            value={prize.kind}
            options={KINDS.map((k) => ({ value: k, label: t(`prizeKind.${k}`) }))}
            onChange={(kind) => onChange({ ...prize, kind })}
          />
          <TextField
            path={`${p}.key`}
            label={t('cfg.prizeKey')}
            value={prize.key}
            onChange={(key) => onChange({ ...prize, key })}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
            {t('cfg.removePrize', { n: index + 1 })}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

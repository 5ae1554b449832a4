import { useState } from 'react';
import { Anchor, Badge, Collapse, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contestOrgUnitsQuery } from '../../api/staff';
import type { OrgUnit } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { formatNumber } from '../../lib/format';
import { CenterLoader } from '../CenterLoader';
import { ErrorAlert } from '../ErrorAlert';
import { UnitRow } from '../org-units/UnitRow';
import { Section } from '../shared/Section';

type ChildrenOf = ReadonlyMap<string, OrgUnit[]>;

function buildTree(units: OrgUnit[]): { roots: OrgUnit[]; childrenOf: ChildrenOf } {
  const ids = new Set(units.map((u) => u.id));
  const childrenOf = new Map<string, OrgUnit[]>();
  const roots: OrgUnit[] = [];
  for (const u of units) {
    if (u.parentId && ids.has(u.parentId)) {
      const list = childrenOf.get(u.parentId) ?? [];
      list.push(u);
      childrenOf.set(u.parentId, list);
    } else roots.push(u);
  }
  return { roots, childrenOf };
}

export function OrgUnitTree({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const { data, error, isPending } = useQuery(contestOrgUnitsQuery(slug));
  const title = data
    ? t('contest.orgUnitsCount', { n: formatNumber(data.units.length, lang) })
    : t('contest.orgUnits');
  let body;
  if (isPending) body = <CenterLoader />;
  else if (error) body = <ErrorAlert error={error} />;
  else {
    const { roots, childrenOf } = buildTree(data.units);
    body = (
      <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="org-tree">
        {roots.map((u) => (
          <TreeNode key={u.id} unit={u} childrenOf={childrenOf} defaultOpen={roots.length === 1} />
        ))}
      </Stack>
    );
  }
  return (
    <Section title={title} testId="contest-org-units">
      {body}
    </Section>
  );
}

function TreeNode({
  unit,
  childrenOf,
  defaultOpen,
}: {
  unit: OrgUnit;
  childrenOf: ChildrenOf;
  defaultOpen: boolean;
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [open, setOpen] = useState(defaultOpen);
  const kids = childrenOf.get(unit.id) ?? [];
  if (kids.length === 0) return <UnitRow unit={unit} />;
  const panelId = `org-node-${unit.id}`;
  return (
    <li
      data-testid="org-node"
      data-code={unit.code}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
    >
      <Group justify="space-between" gap="xs" wrap="wrap" py={6}>
        <UnstyledButton
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-controls={panelId}
          data-testid="org-node-toggle"
          style={{ flex: '1 1 12rem', minWidth: 0 }}
        >
          <Group gap={6} wrap="nowrap">
            <Text span aria-hidden="true" w={14}>
              {open ? '▾' : '▸'}
            </Text>
            <Text span size="sm" fw={600}>
              {unit.name}
            </Text>
            <Badge size="sm" variant="light" tt="none" style={{ flexShrink: 0 }} data-testid="org-node-count">
              {t('orgUnit.childCount', { n: formatNumber(kids.length, lang) })}
            </Badge>
          </Group>
        </UnstyledButton>
        <Text size="xs" c="dimmed">
          {t(`orgKind.${unit.kind}`, { defaultValue: unit.kind })} · {t('orgUnit.code')} {unit.code} ·{' '}
          <Anchor component={Link} to={`/app/org-units/${encodeURIComponent(unit.id)}`} size="xs">
            {t('orgUnit.open')}
          </Anchor>
        </Text>
      </Group>
      <Collapse expanded={open} id={panelId}>
        <Stack gap={0} component="ul" pl="md" m={0} style={{ listStyle: 'none' }}>
          {kids.map((k) => (
            <TreeNode key={k.id} unit={k} childrenOf={childrenOf} defaultOpen={false} />
          ))}
        </Stack>
      </Collapse>
    </li>
  );
}

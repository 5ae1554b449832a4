import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { orgUnitQuery } from '../../api/staff';
import { useLang } from '../../i18n/use-lang';
import { formatNumber } from '../../lib/format';
import { CenterLoader } from '../CenterLoader';
import { ErrorAlert } from '../ErrorAlert';
import { Field } from '../shared/Field';
import { Section } from '../shared/Section';
import { UnitRow } from './UnitRow';

export function OrgUnitPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { lang } = useLang();
  const { data, error, isPending } = useQuery(orgUnitQuery(id));
  if (isPending) return <CenterLoader />;
  if (error) return <ErrorAlert error={error} />;
  const { unit, ancestors, children } = data;
  return (
    <Stack gap="md" data-testid="org-unit-page">
      {ancestors.length > 0 && (
        <Breadcrumbs separatorMargin={4} style={{ flexWrap: 'wrap' }} data-testid="org-unit-breadcrumb">
          {ancestors.map((a) => (
            <Anchor key={a.id} component={Link} to={`/app/org-units/${encodeURIComponent(a.id)}`} size="sm">
              {a.name}
            </Anchor>
          ))}
          <Text size="sm">{unit.name}</Text>
        </Breadcrumbs>
      )}
      <div>
        <Title order={1} size="h2" data-testid="org-unit-name">
          {unit.name}
        </Title>
        <Group gap="lg" mt="xs" wrap="wrap">
          <Field label={t('orgUnit.code')} testId="org-unit-code">
            {unit.code}
          </Field>
          <Field label={t('orgUnit.kind')} testId="org-unit-kind">
            {t(`orgKind.${unit.kind}`, { defaultValue: unit.kind })}
          </Field>
          <Field label={t('orgUnit.level')}>
            {t(`orgLevel.${unit.level}`, { defaultValue: unit.level })}
          </Field>
        </Group>
      </div>
      <Section
        title={t('orgUnit.children', { n: formatNumber(children.length, lang) })}
        testId="org-unit-children"
      >
        {children.length === 0 ? (
          <Text size="sm">{t('orgUnit.noChildren')}</Text>
        ) : (
          <Stack gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {children.map((c) => (
              <UnitRow key={c.id} unit={c} />
            ))}
          </Stack>
        )}
      </Section>
    </Stack>
  );
}

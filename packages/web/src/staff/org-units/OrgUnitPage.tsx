import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { orgUnitQuery } from '../../api/staff';
import { useLang } from '../../i18n/use-lang';
import { formatNumber } from '../../lib/format';
import { CenterLoader } from '../CenterLoader';
import { ErrorAlert } from '../ErrorAlert';
import { DistrictWork } from '../district/DistrictWork';
import { MyEntries } from '../entries/MyEntries';
import { Field } from '../shared/Field';
import { unitContests } from '../shared/rounds';
import { Section } from '../shared/Section';
import { useSession } from '../use-session';
import { UnitChildren } from './UnitChildren';

export function OrgUnitPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { lang } = useLang();
  const session = useSession();
  const { data, error, isPending } = useQuery(orgUnitQuery(id));
  if (isPending) return <CenterLoader />;
  if (error) return <ErrorAlert error={error} />;
  const { unit, ancestors, children } = data;
  const coordinating = unitContests(session, unit.id, 'coordinator');
  const teamOf = unitContests(session, unit.id, 'team');
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
      {teamOf.map((slug) => (
        <MyEntries key={slug} slug={slug} />
      ))}
      {coordinating.length > 0 ? (
        <DistrictWork slugs={coordinating} unitId={unit.id} communes={children} />
      ) : (
        <Section
          title={t('orgUnit.children', { n: formatNumber(children.length, lang) })}
          testId="org-unit-children"
        >
          <UnitChildren units={children} />
        </Section>
      )}
    </Stack>
  );
}

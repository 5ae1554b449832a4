import { Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { OrgUnit } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { formatNumber } from '../../lib/format';
import { UnitChildren } from '../org-units/UnitChildren';
import { DistrictEntries } from './DistrictEntries';
import { DistrictTeams } from './DistrictTeams';

const TABS = ['entries', 'teams', 'units'] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: string | null): v is Tab => TABS.some((t) => t === v);

/** A coordinator's district page: its entries, its teams and its communes, one tab each (`?tab=`). */
export function DistrictWork({
  slugs,
  unitId,
  communes,
}: {
  slugs: string[];
  unitId: string;
  communes: OrgUnit[];
}) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = isTab(raw) ? raw : 'entries';
  const heading = (slug: string) =>
    slugs.length > 1 ? (
      <Text fw={600} size="sm" mb="xs">
        {slug}
      </Text>
    ) : null;
  return (
    <Tabs
      value={tab}
      onChange={(v) => {
        if (isTab(v)) setParams({ tab: v }, { replace: true });
      }}
      data-testid="district-work"
    >
      <Tabs.List>
        <Tabs.Tab value="entries" data-testid="tab-entries">
          {t('district.entries')}
        </Tabs.Tab>
        <Tabs.Tab value="teams" data-testid="tab-teams">
          {t('district.teams')}
        </Tabs.Tab>
        <Tabs.Tab value="units" data-testid="tab-units">
          {t('district.units', { n: formatNumber(communes.length, lang) })}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="entries" pt="sm">
        {slugs.map((slug) => (
          <div key={slug}>
            {heading(slug)}
            <DistrictEntries slug={slug} unitId={unitId} />
          </div>
        ))}
      </Tabs.Panel>
      <Tabs.Panel value="teams" pt="sm">
        {slugs.map((slug) => (
          <div key={slug}>
            {heading(slug)}
            <DistrictTeams slug={slug} communes={communes} />
          </div>
        ))}
      </Tabs.Panel>
      <Tabs.Panel value="units" pt="sm" data-testid="org-unit-children">
        <UnitChildren units={communes} />
      </Tabs.Panel>
    </Tabs>
  );
}

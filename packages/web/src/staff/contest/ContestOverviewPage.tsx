import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { contestQuery } from '../../api/staff';
import type { Role } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { formatInstant } from '../../lib/format';
import { CenterLoader } from '../CenterLoader';
import { ErrorAlert } from '../ErrorAlert';
import { PhaseBadge } from '../shared/PhaseBadge';
import { Section } from '../shared/Section';
import { hasContestRole, useSession } from '../use-session';
import { AudienceSection } from './AudienceSection';
import { ContestWorkLinks } from './ContestWorkLinks';
import { EntryRulesSection } from './EntryRulesSection';
import { ExtendDeadlineForm } from './ExtendDeadlineForm';
import { OrgUnitTree } from './OrgUnitTree';
import { PrizesSection } from './PrizesSection';
import { RoundsSection } from './RoundsSection';
import { RubricSection } from './RubricSection';
import { StaffTimeline } from './StaffTimeline';

const ROLES: readonly Role[] = ['organizer', 'secretary', 'observer', 'coordinator', 'team', 'admin'];

export function ContestOverviewPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const session = useSession();
  const { data, error, isPending } = useQuery(contestQuery(slug));
  if (isPending) return <CenterLoader />;
  if (error) return <ErrorAlert error={error} />;
  const { config } = data;
  const canEdit = hasContestRole(session, 'organizer', data);
  const roles = ROLES.filter((r) => hasContestRole(session, r, data));
  return (
    <Stack gap="md" data-testid="contest-overview">
      <div>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={1} size="h2" data-testid="contest-title" style={{ flex: '1 1 16rem' }}>
            {pick(config.title)}
          </Title>
          {canEdit && (
            <Button
              component={Link}
              to={`/app/contests/${encodeURIComponent(slug)}/config`}
              data-testid="edit-config"
            >
              {t('contest.editConfig')}
            </Button>
          )}
        </Group>
        <Text fs="italic" mt={4}>
          {pick(config.theme)}
        </Text>
        <Group gap="xs" mt="xs" wrap="wrap">
          <PhaseBadge phase={data.phase} />
          <Text size="xs" c="dimmed" data-testid="contest-version">
            {t('contest.version', {
              version: data.version,
              at: formatInstant(data.updatedAt, lang, config.timezone),
            })}
          </Text>
        </Group>
        <Text size="sm" c="dimmed" mt={4}>
          {pick(config.organizer.name)}
          {config.organizer.place ? ` · ${config.organizer.place}` : ''}
        </Text>
        <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
          <ContestWorkLinks slug={slug} roles={roles} session={session} />
        </div>
      </div>
      <Section title={t('landing.timeline')} testId="contest-timeline">
        <Text size="xs" c="dimmed" mb="xs">
          {t('landing.timezoneNote', { tz: config.timezone })}
        </Text>
        <StaffTimeline items={data.timeline} />
      </Section>
      <RoundsSection config={config} />
      {canEdit && <ExtendDeadlineForm view={data} />}
      <RubricSection rubrics={config.rubrics} />
      <AudienceSection config={config} />
      <PrizesSection prizes={config.prizes} />
      <EntryRulesSection rules={config.entryRules} />
      <OrgUnitTree slug={slug} />
    </Stack>
  );
}

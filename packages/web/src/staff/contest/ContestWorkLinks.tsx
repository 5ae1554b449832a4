import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Role, Session } from '../../api/types';

interface Props {
  slug: string;
  /** The person's roles in this contest. */
  roles: readonly string[];
  session: Session | null;
  size?: 'xs' | 'sm';
}

const REPORT_ROLES: ReadonlySet<string> = new Set<Role>(['organizer', 'secretary', 'observer', 'admin']);

/** Where each role works on entries in a contest: own entries, district, receipt inbox, progress. */
export function ContestWorkLinks({ slug, roles, session, size = 'sm' }: Props) {
  const { t } = useTranslation();
  const base = `/app/contests/${encodeURIComponent(slug)}`;
  const districts = (session?.assignments ?? []).filter(
    (a) => a.role === 'coordinator' && a.orgUnitId && (a.contestSlug === slug || a.contestSlug === null),
  );
  const has = (r: Role) => roles.includes(r);
  const links: Array<{ to: string; label: string; testId: string }> = [
    ...(has('team')
      ? [{ to: `${base}/my-entries`, label: t('entries.myEntries'), testId: 'link-my-entries' }]
      : []),
    ...districts.map((a) => ({
      to: `/app/org-units/${encodeURIComponent(a.orgUnitId ?? '')}?tab=entries`,
      label: t('district.workIn', { unit: a.orgUnitName ?? '' }),
      testId: 'link-district',
    })),
    ...(has('secretary') ? [{ to: `${base}/inbox`, label: t('receipt.inbox'), testId: 'link-inbox' }] : []),
    ...(has('assistant')
      ? [{ to: `${base}/publish`, label: t('voting.staff.publishTitle'), testId: 'link-publish' }]
      : []),
    ...(has('secretary')
      ? [
          { to: `${base}/fanpage`, label: t('voting.staff.fanpageTitle'), testId: 'link-fanpage' },
          { to: `${base}/votes`, label: t('voting.staff.fraudTitle'), testId: 'link-votes' },
        ]
      : []),
    ...(roles.some((r) => REPORT_ROLES.has(r))
      ? [{ to: `${base}/progress`, label: t('progress.title'), testId: 'link-progress' }]
      : []),
    ...(has('judge')
      ? [{ to: `${base}/judging`, label: t('judging.queue.title'), testId: 'link-judging' }]
      : []),
    ...(has('organizer') || has('secretary')
      ? [{ to: `${base}/jury`, label: t('judging.completion.title'), testId: 'link-jury' }]
      : []),
  ];
  if (links.length === 0) return null;
  return (
    <Group gap="xs" wrap="wrap" data-testid="contest-work-links">
      {links.map((l) => (
        <Button key={l.to} component={Link} to={l.to} size={size} variant="light" data-testid={l.testId}>
          {l.label}
        </Button>
      ))}
    </Group>
  );
}

import { useState } from 'react';
import { Affix, Alert, Anchor, Notification, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { contestQuery } from '../../api/staff';
import { useLang } from '../../i18n/use-lang';
import { CenterLoader } from '../CenterLoader';
import { ErrorAlert } from '../ErrorAlert';
import { hasContestRole, useSession } from '../use-session';
import { ConfigEditor } from './ConfigEditor';

export function ConfigPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const { pick } = useLang();
  const session = useSession();
  // No background refetch while editing: a newer version would silently replace the draft.
  const { data, error, isPending, refetch } = useQuery({
    ...contestQuery(slug),
    staleTime: Infinity,
    refetchOnMount: 'always',
  });
  const [resets, setResets] = useState(0);
  const [saved, setSaved] = useState(false);

  if (isPending) return <CenterLoader />;
  if (error) return <ErrorAlert error={error} />;
  const back = `/app/contests/${encodeURIComponent(slug)}`;
  const allowed = hasContestRole(session, 'organizer', data) || hasContestRole(session, 'admin', data);

  const onSaved = () => {
    setSaved(true);
    window.setTimeout(() => setSaved(false), 6000);
  };
  const onReload = () => {
    setSaved(false);
    void refetch().then(() => setResets((n) => n + 1));
  };

  return (
    <Stack gap="md" data-testid="config-page">
      <div>
        <Anchor component={Link} to={back} size="sm">
          ← {t('cfg.backToOverview')}
        </Anchor>
        <Title order={1} size="h2" mt={4}>
          {t('cfg.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {pick(data.config.title)} · {t('cfg.versionNow', { version: data.version })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('cfg.timesAreLocal', { tz: data.config.timezone })}
        </Text>
      </div>
      {allowed ? (
        <ConfigEditor key={`${data.version}-${resets}`} view={data} onSaved={onSaved} onReload={onReload} />
      ) : (
        <Alert color="red" title={t('errors.forbiddenTitle')} data-testid="forbidden">
          {t('cfg.organizerOnly')}
        </Alert>
      )}
      {saved && (
        <Affix position={{ bottom: 80, left: 12, right: 12 }}>
          <Notification
            color="green"
            title={t('cfg.savedTitle')}
            onClose={() => setSaved(false)}
            closeButtonProps={{ 'aria-label': t('common.close') }}
            role="status"
            data-testid="config-saved"
            maw={420}
            ml="auto"
          >
            {t('cfg.saved', { version: data.version })}
          </Notification>
        </Affix>
      )}
    </Stack>
  );
}

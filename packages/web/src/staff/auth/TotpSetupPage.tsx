import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Code,
  CopyButton,
  Group,
  Image,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { confirmTotp, rememberSession, totpSetupQuery } from '../../api/auth';
import { useLang } from '../../i18n/use-lang';
import { errorMessage } from '../../lib/error-message';
import { CenterLoader } from '../CenterLoader';
import { ErrorAlert } from '../ErrorAlert';
import { useSession } from '../use-session';
import { useSignOut } from '../use-sign-out';

export function TotpSetupPage() {
  const { t } = useTranslation();
  const session = useSession();
  const required = session?.totpEnrolmentRequired ?? false;
  const already = (session?.totpEnabled ?? false) && !required;
  const signOut = useSignOut();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('totp.title')}
      </Title>
      {required && (
        <Alert color="yellow" data-testid="totp-required">
          {t('totp.required')}
        </Alert>
      )}
      {already ? (
        <Alert color="green" data-testid="totp-already">
          {t('totp.alreadyEnabled')}{' '}
          <Anchor component={Link} to="/app">
            {t('nav.home')}
          </Anchor>
        </Alert>
      ) : (
        <Enrolment />
      )}
      <Anchor component="button" type="button" size="sm" onClick={() => signOut.mutate()}>
        {t('auth.signOut')}
      </Anchor>
    </Stack>
  );
}

function Enrolment() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const client = useQueryClient();
  const navigate = useNavigate();
  const setup = useQuery(totpSetupQuery());
  const [code, setCode] = useState('');
  const confirm = useMutation({
    mutationFn: () => confirmTotp(code.trim()),
    onSuccess: ({ session }) => {
      rememberSession(client, session);
      void navigate('/app', { replace: true });
    },
  });

  if (setup.isPending) return <CenterLoader />;
  if (setup.error) return <ErrorAlert error={setup.error} />;

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    confirm.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('totp.scan')}</Text>
        <Center>
          <Image src={setup.data.qrDataUrl} alt={t('totp.qrAlt')} w={200} h={200} data-testid="totp-qr" />
        </Center>
        <Text size="sm">{t('totp.manual')}</Text>
        <Code block data-testid="totp-secret" style={{ wordBreak: 'break-all', whiteSpace: 'normal' }}>
          {setup.data.secret}
        </Code>
        <Group justify="flex-end" mt={-8}>
          <CopyButton value={setup.data.secret}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="light" onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        {confirm.error && (
          <Alert color="red" role="alert" data-testid="totp-error">
            {errorMessage(confirm.error, lang, t('errors.generic'))}
          </Alert>
        )}
        <TextInput
          label={t('totp.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          value={code}
          onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
          data-testid="totp-code"
        />
        <Button type="submit" loading={confirm.isPending} fullWidth data-testid="totp-confirm">
          {t('totp.confirm')}
        </Button>
      </Stack>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { rememberSession, signIn } from '../../api/auth';
import { hasCode } from '../../api/errors';
import { useLang } from '../../i18n/use-lang';
import { errorMessage } from '../../lib/error-message';
import { useSession } from '../use-session';
import { safeNext } from './safe-next';

export function SignInPage() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const client = useQueryClient();
  const session = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [step, setStep] = useState<'credentials' | 'totp'>('credentials');

  const mutation = useMutation({
    mutationFn: () => signIn({ email, password, ...(step === 'totp' ? { totpCode: code.trim() } : {}) }),
    onSuccess: ({ session: fresh }) => {
      rememberSession(client, fresh);
      void navigate(fresh.totpEnrolmentRequired ? '/totp-setup' : next, { replace: true });
    },
    onError: (error) => {
      if (hasCode(error, 'totp_required')) setStep('totp');
      if (hasCode(error, 'invalid_credentials')) {
        setStep('credentials');
        setCode('');
      }
    },
  });

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    mutation.mutate();
  };
  const showError = mutation.error && !hasCode(mutation.error, 'totp_required');

  return (
    <form onSubmit={onSubmit} noValidate data-testid="sign-in-form">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('auth.signInTitle')}
        </Title>
        {session && !mutation.isSuccess && (
          <Alert color="blue" data-testid="already-signed-in">
            {t('auth.alreadySignedIn', { name: session.user.name })}{' '}
            <Anchor component={Link} to={session.totpEnrolmentRequired ? '/totp-setup' : next}>
              {t('auth.continue')}
            </Anchor>
          </Alert>
        )}
        {showError && (
          <Alert color="red" role="alert" data-testid="sign-in-error">
            {errorMessage(mutation.error, lang, t('errors.generic'))}
          </Alert>
        )}
        {step === 'credentials' ? (
          <>
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              data-testid="sign-in-email"
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              data-testid="sign-in-password"
            />
          </>
        ) : (
          <>
            <Text size="sm" data-testid="totp-step">
              {t('auth.totpPrompt')}
            </Text>
            <TextInput
              label={t('auth.totpCode')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              autoFocus
              value={code}
              onChange={(e) => setCode(e.currentTarget.value.replace(/\D/g, ''))}
              data-testid="sign-in-totp"
            />
          </>
        )}
        <Button type="submit" loading={mutation.isPending} fullWidth data-testid="sign-in-submit">
          {step === 'credentials' ? t('auth.signIn') : t('auth.verify')}
        </Button>
        {step === 'totp' ? (
          <Anchor component="button" type="button" size="sm" onClick={() => setStep('credentials')}>
            {t('auth.back')}
          </Anchor>
        ) : (
          <Anchor component={Link} to="/reset-password" size="sm" data-testid="forgot-password">
            {t('auth.forgotPassword')}
          </Anchor>
        )}
      </Stack>
    </form>
  );
}

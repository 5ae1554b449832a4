import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { confirmPasswordReset, requestPasswordReset } from '../../api/auth';
import { useLang } from '../../i18n/use-lang';
import { errorMessage } from '../../lib/error-message';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  return token ? <ConfirmForm token={token} /> : <RequestForm />;
}

function RequestForm() {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [email, setEmail] = useState('');
  const mutation = useMutation({ mutationFn: () => requestPasswordReset(email.trim()) });
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate data-testid="reset-request-form">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('reset.title')}
        </Title>
        {mutation.isSuccess ? (
          <Alert color="green" data-testid="reset-requested">
            {t('reset.requested')}
          </Alert>
        ) : (
          <>
            <Text size="sm">{t('reset.intro')}</Text>
            {mutation.error && (
              <Alert color="red" role="alert" data-testid="reset-error">
                {errorMessage(mutation.error, lang, t('errors.generic'))}
              </Alert>
            )}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <Button type="submit" loading={mutation.isPending} fullWidth data-testid="reset-submit">
              {t('reset.send')}
            </Button>
          </>
        )}
        <Anchor component={Link} to="/sign-in" size="sm">
          {t('reset.backToSignIn')}
        </Anchor>
      </Stack>
    </form>
  );
}

function ConfirmForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const mutation = useMutation({ mutationFn: () => confirmPasswordReset(token, password) });
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const differs = password !== repeat;
    setMismatch(differs);
    if (!differs) mutation.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate data-testid="reset-confirm-form">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('reset.newTitle')}
        </Title>
        {mutation.isSuccess ? (
          <Alert color="green" data-testid="reset-done">
            {t('reset.done')}
          </Alert>
        ) : (
          <>
            {mutation.error && (
              <Alert color="red" role="alert" data-testid="reset-error">
                {errorMessage(mutation.error, lang, t('errors.generic'))}
              </Alert>
            )}
            <PasswordInput
              label={t('reset.newPassword')}
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <PasswordInput
              label={t('reset.repeatPassword')}
              autoComplete="new-password"
              required
              value={repeat}
              error={mismatch ? t('reset.mismatch') : undefined}
              onChange={(e) => setRepeat(e.currentTarget.value)}
            />
            <Button type="submit" loading={mutation.isPending} fullWidth data-testid="reset-confirm">
              {t('reset.save')}
            </Button>
          </>
        )}
        <Anchor component={Link} to="/sign-in" size="sm">
          {t('reset.backToSignIn')}
        </Anchor>
      </Stack>
    </form>
  );
}

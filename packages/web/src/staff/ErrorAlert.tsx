import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/errors';
import { useLang } from '../i18n/use-lang';
import { errorMessage } from '../lib/error-message';

/** A failed request, in the current language; 403 and 404 get their own clear wording and test ids. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  if (isApiError(error) && error.status === 403 && error.code !== 'totp_enrolment_required') {
    return (
      <Alert color="red" title={t('errors.forbiddenTitle')} data-testid="forbidden" role="alert">
        {errorMessage(error, lang, t('errors.forbidden'))}{' '}
        <Anchor component={Link} to="/app" size="sm">
          {t('nav.home')}
        </Anchor>
      </Alert>
    );
  }
  if (isApiError(error) && error.status === 404) {
    return (
      <Alert color="gray" title={t('errors.notFoundTitle')} data-testid="not-found" role="alert">
        {errorMessage(error, lang, t('errors.notFound'))}
      </Alert>
    );
  }
  return (
    <Alert color="red" title={t('errors.loadFailedTitle')} data-testid="load-error" role="alert">
      {errorMessage(error, lang, t('errors.loadFailed'))}
    </Alert>
  );
}

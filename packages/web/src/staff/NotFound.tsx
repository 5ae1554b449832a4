import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" title={t('errors.notFoundTitle')} data-testid="not-found">
      {t('errors.pageNotFound')}{' '}
      <Anchor component={Link} to="/">
        {t('common.backHome')}
      </Anchor>
    </Alert>
  );
}

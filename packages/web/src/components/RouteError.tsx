import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function RouteError() {
  const { t } = useTranslation();
  return (
    <main className="route-error" role="alert">
      <h1>{t('errors.unexpectedTitle')}</h1>
      <p>{t('errors.unexpected')}</p>
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </main>
  );
}

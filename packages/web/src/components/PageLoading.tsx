import { useTranslation } from 'react-i18next';

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <p className="page-loading" role="status" aria-live="polite">
      {t('common.loading')}
    </p>
  );
}

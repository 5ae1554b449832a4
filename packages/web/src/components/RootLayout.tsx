import { useEffect } from 'react';
import { Outlet, useSearchParams } from 'react-router';
import { isLang, setLang } from '../i18n/i18n';

/** Follows `?lang=vi|en` whenever it appears in the URL, on any page. */
export function RootLayout() {
  const [params] = useSearchParams();
  const urlLang = params.get('lang');
  useEffect(() => {
    if (isLang(urlLang)) setLang(urlLang);
  }, [urlLang]);
  return <Outlet />;
}

import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Link, RouterProvider } from 'react-router';
import { useTranslation } from 'react-i18next';
import { i18nReady } from './i18n/i18n';
import './base.css';
import { RootLayout } from './components/RootLayout';
import { RouteError } from './components/RouteError';
import { queryClient } from './query-client';
import { publicRoutes } from './public/routes';

/**
 * Entry of the public build (public.html): the public routes only, compiled against Preact's React
 * compatibility layer so that a phone on 3G loads a fraction of the staff app. Any other path is a
 * full page load into the staff app.
 */
const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [...publicRoutes, { path: '*', element: <LeaveForStaffApp /> }],
  },
]);

/**
 * A link out of the public site (sign in, the workspace): load that page from the server, which answers
 * with the staff app. A public path the public site does not know is a plain "not found" (reloading it
 * would return this same build and loop).
 */
function LeaveForStaffApp() {
  const { t } = useTranslation();
  const leaving = !isPublicPath(window.location.pathname);
  useEffect(() => {
    if (leaving) window.location.reload();
  }, [leaving]);
  if (leaving) return null;
  return (
    <main className="route-error">
      <h1>{t('errors.notFoundTitle')}</h1>
      <p>{t('errors.pageNotFound')}</p>
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </main>
  );
}

/** Mirrors the server's choice of shell (`shellFor` in the server's app.ts). */
const isPublicPath = (path: string): boolean => path === '/' || path === '/c' || path.startsWith('/c/');

const container = document.getElementById('root');
if (container) {
  void i18nReady.then(() =>
    createRoot(container).render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
}

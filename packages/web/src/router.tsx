import { lazy, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { RootLayout } from './components/RootLayout';
import { PageLoading } from './components/PageLoading';
import { RouteError } from './components/RouteError';
import { publicRoutes } from './public/routes';

// The staff workspace (Mantine and every signed-in page) is a separate chunk, loaded only on its routes.
const StaffApp = lazy(() => import('./staff/StaffApp').then((m) => ({ default: m.StaffApp })));

export const router = createBrowserRouter([
  {
    element: <RootLayout />,
    errorElement: <RouteError />,
    children: [
      ...publicRoutes,
      {
        path: '*',
        element: (
          <Suspense fallback={<PageLoading />}>
            <StaffApp />
          </Suspense>
        ),
      },
    ],
  },
]);

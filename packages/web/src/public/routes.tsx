import type { RouteObject } from 'react-router';
import { ContestListPage } from './ContestListPage';
import { LandingPage } from './LandingPage';

/** Routes of the public site: served by the light public build and, for in-app navigation, by the full app. */
export const publicRoutes: RouteObject[] = [
  { path: '/', element: <ContestListPage /> },
  { path: '/c/:slug', element: <LandingPage /> },
];

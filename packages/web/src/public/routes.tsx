import type { RouteObject } from 'react-router';
import { ContestListPage } from './ContestListPage';
import { EntryPublicPage } from './EntryPublicPage';
import { GalleryPage } from './GalleryPage';
import { LandingPage } from './LandingPage';
import { ResultsPage } from './ResultsPage';

/** Routes of the public site: served by the light public build and, for in-app navigation, by the full app. */
export const publicRoutes: RouteObject[] = [
  { path: '/', element: <ContestListPage /> },
  { path: '/c/:slug', element: <LandingPage /> },
  { path: '/c/:slug/results', element: <ResultsPage /> },
  { path: '/c/:slug/entries', element: <GalleryPage /> },
  { path: '/c/:slug/e/:id', element: <EntryPublicPage /> },
];

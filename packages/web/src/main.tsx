import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { i18nReady } from './i18n/i18n';
import './base.css';
import { queryClient } from './query-client';
import { router } from './router';

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

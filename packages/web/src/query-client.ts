import { QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api/errors';
import { SESSION_KEY } from './api/auth';

/**
 * Staff endpoints answer 401 when the session ended and 403 `totp_enrolment_required` before TOTP is
 * set up: in both cases re-read the session, and the route guard sends the user where they must go.
 */
export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (query.queryKey[0] === SESSION_KEY[0] || !isApiError(error)) return;
      if (error.status === 401 || error.code === 'totp_enrolment_required') {
        void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      }
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, error) => !(isApiError(error) && error.status < 500) && failures < 2,
    },
  },
});

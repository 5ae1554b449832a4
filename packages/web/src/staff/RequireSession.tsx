import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router';
import { sessionQuery } from '../api/auth';
import { CenterLoader } from './CenterLoader';
import { ErrorAlert } from './ErrorAlert';

/**
 * Signed-in pages only. Without a session → sign-in (coming back afterwards); while TOTP enrolment is
 * required → the enrolment page, before anything else.
 */
export function RequireSession({
  children,
  allowEnrolment = false,
}: {
  children: ReactNode;
  allowEnrolment?: boolean;
}) {
  const { data: session, error, isPending } = useQuery(sessionQuery());
  const location = useLocation();
  if (isPending) return <CenterLoader />;
  if (error) return <ErrorAlert error={error} />;
  if (!session) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (session.totpEnrolmentRequired && !allowEnrolment) return <Navigate to="/totp-setup" replace />;
  return children;
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { rememberSession, signOut } from '../api/auth';

export function useSignOut() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      rememberSession(client, null);
      void navigate('/sign-in', { replace: true });
    },
  });
}

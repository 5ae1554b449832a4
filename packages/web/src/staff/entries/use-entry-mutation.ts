import { useMutation, useQueryClient } from '@tanstack/react-query';
import { entryKey, FEED_KEY } from '../../api/entries';
import type { EntryView } from '../../api/types';

/** A change to one entry: the answer (the updated entry) replaces the cached one and lists refresh. */
export function useEntryMutation<V>(fn: (vars: V) => Promise<EntryView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (entry) => {
      client.setQueryData(entryKey(entry.id), entry);
      await Promise.all([
        client.invalidateQueries({ queryKey: ['contest', entry.contestSlug, 'entries'] }),
        client.invalidateQueries({ queryKey: ['contest', entry.contestSlug, 'progress'] }),
        client.invalidateQueries({ queryKey: FEED_KEY }),
      ]);
    },
  });
}

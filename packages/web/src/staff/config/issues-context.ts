import { createContext, useContext } from 'react';
import type { ApiIssue } from '../../api/errors';
import { useLang } from '../../i18n/use-lang';

/** The field-level issues of the last failed save, looked up by their `path` (e.g. `rounds.1.quotaPerScopeUnit`). */
export const IssuesContext = createContext<readonly ApiIssue[]>([]);

/** The messages of the issues at exactly `path`, joined, in the current language. */
export function useIssue(path: string): string | undefined {
  const issues = useContext(IssuesContext);
  const { pick } = useLang();
  const here = issues.filter((i) => i.path === path);
  return here.length > 0 ? here.map((i) => pick(i.message)).join(' ') : undefined;
}

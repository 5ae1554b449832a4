import { forwardRef } from 'react';
import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiIssue } from '../../api/errors';
import type { ContestConfig } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { describePath } from './describe-path';

interface Props {
  issues: readonly ApiIssue[];
  config: ContestConfig;
  message: string;
}

/** Every issue of the refused save, in one list above the form (each is also shown next to its field). */
export const IssueSummary = forwardRef<HTMLDivElement, Props>(function IssueSummary(
  { issues, config, message },
  ref,
) {
  const { t } = useTranslation();
  const { pick } = useLang();
  return (
    <Alert ref={ref} tabIndex={-1} color="red" title={message} role="alert" data-testid="config-issues">
      <Text size="sm" mb="xs">
        {t('cfg.nothingSaved')}
      </Text>
      {issues.length > 0 && (
        <List size="sm" spacing={4}>
          {issues.map((issue, i) => (
            <List.Item key={`${issue.path}-${i}`} data-testid="config-issue" data-path={issue.path}>
              <Text span fw={600} size="sm">
                {issue.path ? describePath(issue.path, config, t, pick) : t('cfg.wholeConfig')}
              </Text>
              : {pick(issue.message)}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
});

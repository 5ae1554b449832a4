import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { contestQuery, saveConfig } from '../../api/staff';
import type { ContestConfig, ContestView } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { errorMessage } from '../../lib/error-message';
import { AudienceFields } from './AudienceFields';
import { EntryRulesFields } from './EntryRulesFields';
import { IssuesContext } from './issues-context';
import { IssueSummary } from './IssueSummary';
import { replaceAt } from './list-utils';
import { PrizeFields } from './PrizeFields';
import { RoundFields } from './RoundFields';
import { RubricFields } from './RubricFields';

interface Props {
  view: ContestView;
  /** Called after a successful save (the cache already holds the saved view). */
  onSaved: () => void;
  /** Throw the draft away and start again from the latest saved configuration. */
  onReload: () => void;
}

export function ConfigEditor({ view, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const client = useQueryClient();
  const [config, setConfig] = useState<ContestConfig>(() => structuredClone(view.config));
  const dirty = JSON.stringify(config) !== JSON.stringify(view.config);

  const save = useMutation({
    mutationFn: () => saveConfig(view.slug, { config, expectedVersion: view.version }),
    onSuccess: (saved) => {
      client.setQueryData(contestQuery(view.slug).queryKey, saved);
      onSaved();
    },
  });
  const error = save.error;
  const issues = isApiError(error) ? error.issues : [];
  const invalid = isApiError(error) && (error.code === 'invalid_config' || issues.length > 0);
  const conflict = isApiError(error) && error.code === 'version_conflict';

  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) summaryRef.current?.focus();
  }, [error]);

  const update = <K extends keyof ContestConfig>(key: K, value: ContestConfig[K]) =>
    setConfig((c) => ({ ...c, [key]: value }));
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <IssuesContext.Provider value={issues}>
      <form onSubmit={onSubmit} noValidate data-testid="config-form">
        <Stack gap="md">
          {invalid && (
            <IssueSummary
              ref={summaryRef}
              issues={issues}
              config={config}
              message={errorMessage(error, lang, t('cfg.invalidTitle'))}
            />
          )}
          {conflict && (
            <Alert
              ref={summaryRef}
              tabIndex={-1}
              color="orange"
              title={t('cfg.conflictTitle')}
              data-testid="config-conflict"
            >
              <Text size="sm" mb="xs">
                {errorMessage(error, lang, t('cfg.conflict'))}
              </Text>
              <Button size="xs" variant="white" color="orange" onClick={onReload}>
                {t('cfg.reloadLatest')}
              </Button>
            </Alert>
          )}
          {error && !invalid && !conflict && (
            <Alert ref={summaryRef} tabIndex={-1} color="red" role="alert" data-testid="config-error">
              {errorMessage(error, lang, t('errors.generic'))}
            </Alert>
          )}
          {config.rounds.map((round, i) => (
            <RoundFields
              key={i}
              round={round}
              index={i}
              onChange={(r) => setConfig((c) => ({ ...c, rounds: replaceAt(c.rounds, i, r) }))}
            />
          ))}
          {config.rubrics.map((rubric, i) => (
            <RubricFields
              key={i}
              rubric={rubric}
              index={i}
              onChange={(r) => setConfig((c) => ({ ...c, rubrics: replaceAt(c.rubrics, i, r) }))}
            />
          ))}
          <AudienceFields formula={config.audienceFormula} onChange={(f) => update('audienceFormula', f)} />
          <PrizeFields prizes={config.prizes} onChange={(p) => update('prizes', p)} />
          <EntryRulesFields rules={config.entryRules} onChange={(r) => update('entryRules', r)} />
          <div className="staff-save-bar">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text size="sm" c={dirty ? 'orange' : 'dimmed'} data-testid="config-dirty">
                {dirty ? t('cfg.unsaved') : t('cfg.noChanges')}
              </Text>
              <Group gap="xs">
                <Button variant="default" disabled={!dirty || save.isPending} onClick={onReload}>
                  {t('cfg.discard')}
                </Button>
                <Button type="submit" loading={save.isPending} data-testid="config-save">
                  {t('cfg.save')}
                </Button>
              </Group>
            </Group>
          </div>
        </Stack>
      </form>
    </IssuesContext.Provider>
  );
}

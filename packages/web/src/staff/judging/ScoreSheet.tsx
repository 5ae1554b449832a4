import { Alert, Badge, Button, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveDraft, submitSheet, type JuryRubric, type QueueEntry } from '../../api/judging';
import { useLang } from '../../i18n/use-lang';
import { formatNumber } from '../../lib/format';
import { ErrorAlert } from '../ErrorAlert';

interface Props {
  slug: string;
  entry: QueueEntry;
  rubric: NonNullable<JuryRubric>;
  open: boolean;
}

const AUTOSAVE_MS = 800;

/** One entry's sheet: the player beside the rubric; drafts save themselves, "submit" locks the sheet. */
export function ScoreSheet({ slug, entry, rubric, open }: Props) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const client = useQueryClient();
  const locked = entry.sheet.status === 'submitted' || !open;
  const [scores, setScores] = useState<Record<string, number>>(entry.sheet.scores);
  const [comment, setComment] = useState(entry.sheet.comment);
  const [savedAt, setSavedAt] = useState<string | null>(entry.sheet.updatedAt);
  const dirty = useRef(false);

  const draft = useMutation({
    mutationFn: () => saveDraft(entry.id, scores, comment),
    onSuccess: (s) => setSavedAt(s.updatedAt),
  });
  const submit = useMutation({
    mutationFn: () => submitSheet(entry.id, scores, comment),
    onSuccess: () => client.invalidateQueries({ queryKey: ['contest', slug, 'jury-queue'] }),
  });

  useEffect(() => {
    if (!dirty.current || locked) return;
    const timer = setTimeout(() => draft.mutate(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- autosave on content change only
  }, [scores, comment]);

  const total = rubric.criteria.reduce((sum, c) => sum + (scores[c.key] ?? 0), 0);
  const max = rubric.criteria.reduce((sum, c) => sum + c.maxPoints, 0);
  const complete = rubric.criteria.every((c) => scores[c.key] !== undefined);
  const change = (key: string, v: number | string) => {
    dirty.current = true;
    setScores((s) => {
      const next = { ...s };
      if (typeof v === 'number' && Number.isFinite(v)) next[key] = v;
      else delete next[key];
      return next;
    });
  };

  return (
    <Stack gap="sm" data-testid="score-sheet">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h4">
          {t('judging.sheet.title')}
        </Title>
        <Badge color={entry.sheet.status === 'submitted' ? 'green' : 'gray'} data-testid="sheet-status">
          {t(`judging.status.${entry.sheet.status}`)}
        </Badge>
      </Group>
      {rubric.criteria.map((c) => (
        <NumberInput
          key={c.key}
          label={`${pick(c.label)} (0–${formatNumber(c.maxPoints, lang)})`}
          description={pick(c.description)}
          min={0}
          max={c.maxPoints}
          step={c.step}
          decimalScale={2}
          decimalSeparator={lang === 'vi' ? ',' : '.'}
          value={scores[c.key] ?? ''}
          onChange={(v) => change(c.key, v)}
          disabled={locked}
          data-testid={`score-${c.key}`}
        />
      ))}
      <Textarea
        label={t('judging.sheet.comment')}
        autosize
        minRows={2}
        value={comment}
        onChange={(e) => {
          dirty.current = true;
          setComment(e.currentTarget.value);
        }}
        disabled={locked}
        data-testid="sheet-comment"
      />
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600} data-testid="sheet-total">
          {t('judging.sheet.total', { total: formatNumber(total, lang), max: formatNumber(max, lang) })}
        </Text>
        <Text size="xs" c="dimmed" data-testid="autosave-status">
          {draft.isPending
            ? t('judging.sheet.saving')
            : savedAt && entry.sheet.status !== 'submitted'
              ? t('judging.sheet.savedAt', { time: new Date(savedAt).toLocaleTimeString(lang) })
              : ''}
        </Text>
      </Group>
      {draft.error ? <ErrorAlert error={draft.error} /> : null}
      {submit.error ? <ErrorAlert error={submit.error} /> : null}
      {entry.sheet.status === 'submitted' ? (
        <Alert color="green" data-testid="sheet-locked">
          {t('judging.sheet.locked')}
        </Alert>
      ) : (
        <Button
          onClick={() => {
            if (window.confirm(t('judging.sheet.confirm'))) submit.mutate();
          }}
          disabled={!complete || locked}
          loading={submit.isPending}
          data-testid="sheet-submit"
        >
          {t('judging.sheet.submit')}
        </Button>
      )}
    </Stack>
  );
}

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  approveResults,
  closeJudging,
  completionQuery,
  panelQuery,
  previewQuery,
  remindJudges,
  resultsFiles,
  type PanelRef,
} from '../../api/judging';
import { contestQuery } from '../../api/staff';
import { useLang } from '../../i18n/use-lang';
import { CenterLoader } from '../CenterLoader';
import { ErrorAlert } from '../ErrorAlert';
import { hasContestRole, useSession } from '../use-session';
import { AssignmentForm } from './AssignmentForm';
import { InviteJudgeForm } from './InviteJudgeForm';
import { ReopenRoundButton } from './ReopenRoundButton';
import { ResultsPreview } from './ResultsPreview';
import { SubmittedSheets } from './SubmittedSheets';

/** The committee's jury desk: judges, completion per judge and entry, deviation alerts, results and approval. */
export function JuryAdminPage() {
  const { slug = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { t } = useTranslation();
  const { pick } = useLang();
  const session = useSession();
  const client = useQueryClient();
  const contest = useQuery(contestQuery(slug));
  const rounds = (contest.data?.config.rounds ?? []).filter(
    (r) => r.method === 'jury' || r.method === 'jury+audience',
  );
  const roundKey =
    search.get('round') ?? (rounds.find((r) => r.scopeLevel === 'contest') ?? rounds[0])?.key ?? '';
  const round = rounds.find((r) => r.key === roundKey);
  // A per-unit round (a district preliminary) is run for the coordinator's own unit unless one is named.
  const ownUnit = session?.assignments.find(
    (a) => a.role === 'coordinator' && a.orgUnitId && a.contestSlug === slug,
  )?.orgUnitId;
  const unit =
    search.get('unit') ?? (round && round.scopeLevel !== 'contest' ? ownUnit : undefined) ?? undefined;
  const ref: PanelRef = { slug, roundKey, unit };
  const panel = useQuery({ ...panelQuery(ref), enabled: roundKey !== '' });
  const completion = useQuery({ ...completionQuery(ref), enabled: roundKey !== '' });
  const closed = panel.data?.status === 'closed';
  const preview = useQuery(previewQuery(ref, closed));
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['jury', slug] });
  };
  const close = useMutation({ mutationFn: () => closeJudging(ref), onSuccess: refresh });
  const remind = useMutation({ mutationFn: () => remindJudges(ref) });
  const approve = useMutation({ mutationFn: () => approveResults(ref), onSuccess: refresh });
  const isOrganizer =
    (contest.data ? hasContestRole(session, 'organizer', contest.data) : false) ||
    (unit !== undefined && unit === ownUnit);

  if (contest.isPending || panel.isPending) return <CenterLoader />;
  if (contest.error) return <ErrorAlert error={contest.error} />;
  if (panel.error) return <ErrorAlert error={panel.error} />;
  const p = panel.data;
  return (
    <Stack gap="md" data-testid="jury-admin">
      <div>
        <Anchor component={Link} to={`/app/contests/${encodeURIComponent(slug)}`} size="sm">
          ← {pick(contest.data.config.title)}
        </Anchor>
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
          <Title order={1} size="h2">
            {t('judging.admin.title', { round: pick(p.roundName) })}
          </Title>
          <Badge size="lg" color={closed ? 'gray' : 'green'} data-testid="panel-status">
            {t(`judging.panel.${p.status}`)}
          </Badge>
        </Group>
        {rounds.length > 1 ? (
          <SegmentedControl
            mt="xs"
            size="xs"
            data={rounds.map((r) => ({ value: r.key, label: pick(r.name) }))}
            value={roundKey}
            onChange={(v) => setSearch({ round: v })}
          />
        ) : null}
        <Text size="sm" c="dimmed">
          {t('judging.admin.summary', {
            judges: p.judges.length,
            entries: p.entryCount,
            mode: t(`judging.mode.${p.assignment.mode}`),
          })}
        </Text>
      </div>

      {isOrganizer && !closed ? (
        <>
          <InviteJudgeForm panelRef={ref} onDone={refresh} />
          <AssignmentForm
            key={`${p.assignment.mode}:${p.assignment.judgesPerEntry ?? ''}`}
            panelRef={ref}
            panel={p}
            onDone={refresh}
          />
        </>
      ) : null}

      <Title order={2} size="h3">
        {t('judging.completion.title')}
      </Title>
      {completion.error ? <ErrorAlert error={completion.error} /> : null}
      {completion.data ? (
        <>
          <Text data-testid="completion-totals">
            {t('judging.completion.totals', completion.data.totals)}
          </Text>
          <Table.ScrollContainer minWidth={320}>
            <Table striped data-testid="completion-judges">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('judging.completion.judge')}</Table.Th>
                  <Table.Th ta="right">{t('judging.completion.submitted')}</Table.Th>
                  <Table.Th>{t('judging.completion.alerts')}</Table.Th>
                  <Table.Th>{t('judging.completion.sheet')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {completion.data.judges.map((j) => {
                  const dev = completion.data.deviations.find((d) => d.judgeId === j.userId);
                  return (
                    <Table.Tr key={j.userId} data-testid="completion-judge">
                      <Table.Td>{j.name}</Table.Td>
                      <Table.Td ta="right">
                        {j.submitted}/{j.assigned}
                      </Table.Td>
                      <Table.Td>
                        {dev?.alerts.map((a) => (
                          <Badge key={a} color="orange" size="sm" mr={4} data-testid="deviation-alert">
                            {t(`judging.completion.alert.${a}`)}
                          </Badge>
                        ))}
                      </Table.Td>
                      <Table.Td>
                        {closed ? (
                          <Anchor href={resultsFiles.sheet(ref, j.userId)} size="sm" target="_blank">
                            PDF
                          </Anchor>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Table.ScrollContainer minWidth={320}>
            <Table data-testid="completion-entries">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('judging.completion.entry')}</Table.Th>
                  <Table.Th ta="right">{t('judging.completion.submitted')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {completion.data.entries.map((e) => (
                  <Table.Tr key={e.entryId}>
                    <Table.Td>{e.title}</Table.Td>
                    <Table.Td ta="right">
                      {e.submitted}/{e.assigned}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {isOrganizer && !closed ? <SubmittedSheets completion={completion.data} onDone={refresh} /> : null}
        </>
      ) : null}

      {!closed ? (
        <Group gap="xs" wrap="wrap">
          <Button
            variant="light"
            onClick={() => remind.mutate()}
            loading={remind.isPending}
            data-testid="remind"
          >
            {t('judging.completion.remind')}
          </Button>
          {isOrganizer ? (
            <Button
              color="red"
              variant="light"
              onClick={() => {
                if (window.confirm(t('judging.panel.confirmClose'))) close.mutate();
              }}
              loading={close.isPending}
              data-testid="close-judging"
            >
              {t('judging.panel.close')}
            </Button>
          ) : null}
          {remind.data ? <Text size="sm">{t('judging.completion.reminded', remind.data)}</Text> : null}
        </Group>
      ) : null}
      {close.error ? <ErrorAlert error={close.error} /> : null}
      {closed && isOrganizer && p.resultsStatus === 'draft' ? (
        <Group gap="xs">
          <ReopenRoundButton panelRef={ref} onDone={refresh} />
        </Group>
      ) : null}

      {closed && preview.data ? (
        <>
          <ResultsPreview panelRef={ref} view={preview.data} canEdit={isOrganizer} onSaved={refresh} />
          <Group gap="xs" wrap="wrap">
            <Button
              component="a"
              href={resultsFiles.minutes(ref)}
              target="_blank"
              variant="light"
              data-testid="minutes-pdf"
            >
              {t('judging.results.minutes')}
            </Button>
            {preview.data.resultsStatus === 'approved' ? (
              <>
                <Button component="a" href={resultsFiles.final(ref)} target="_blank" variant="light">
                  {t('judging.results.finalPdf')}
                </Button>
                <Button component="a" href={resultsFiles.xlsx(ref)} variant="light">
                  .xlsx
                </Button>
                <Button component="a" href={resultsFiles.csv(ref)} variant="light">
                  CSV
                </Button>
              </>
            ) : isOrganizer ? (
              <Button
                onClick={() => {
                  if (window.confirm(t('judging.results.confirmApprove'))) approve.mutate();
                }}
                loading={approve.isPending}
                data-testid="approve-results"
              >
                {t('judging.results.approve')}
              </Button>
            ) : null}
          </Group>
          {preview.data.resultsStatus === 'approved' ? (
            <Alert color="green" data-testid="results-approved">
              {t('judging.results.approved')}{' '}
              <Anchor href={`/c/${encodeURIComponent(slug)}/results`}>
                {t('judging.results.publicPage')}
              </Anchor>
            </Alert>
          ) : null}
          {approve.error ? <ErrorAlert error={approve.error} /> : null}
        </>
      ) : null}
      {preview.error ? <ErrorAlert error={preview.error} /> : null}
    </Stack>
  );
}

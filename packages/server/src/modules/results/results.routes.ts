import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../infra/context.js';
import { requireAuth } from '../../infra/http/auth-hook.js';
import { commonErrors } from '../../infra/http/error-schema.js';
import { panelParams, panelQuery } from '../judging/judging.schemas.js';
import type { EngagementReader } from './engagement.reader.js';
import { resultsViewSchema } from './results.schemas.js';
import {
  approveResults,
  previewResults,
  publicResults,
  publicResultsStatus,
  setFinalists,
} from './results.service.js';
import {
  finalResultsPdf,
  minutesPdf,
  resultsCsv,
  resultsXlsx,
  scoringSheetPdf,
} from './results-documents.service.js';

const tags = ['results'];
const ok = { 200: resultsViewSchema, ...commonErrors };

export const resultsRoutes =
  (deps: Deps, engagement: EngagementReader): FastifyPluginAsyncZod =>
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugin signature
  async (app) => {
    const base = '/api/contests/:slug/rounds/:roundKey/results';
    const ref = (p: { slug: string; roundKey: string }, q: { unit?: string | undefined }) => ({
      slug: p.slug,
      roundKey: p.roundKey,
      unitId: q.unit,
    });
    app.get(
      `${base}/preview`,
      {
        schema: {
          tags,
          description: 'The full breakdown for the committee, once judging is closed (403 before).',
          params: panelParams,
          querystring: panelQuery,
          response: ok,
        },
      },
      (request) =>
        previewResults(deps, engagement, requireAuth(request).actor, ref(request.params, request.query)),
    );
    app.put(
      `${base}/finalists`,
      {
        schema: {
          tags,
          description: 'Finalists: the top N, with swaps that each need a written reason (400 without).',
          params: panelParams,
          querystring: panelQuery,
          body: z.object({
            overrides: z
              .array(
                z.object({
                  out: z.string().min(1).max(64),
                  in: z.string().min(1).max(64),
                  reason: z.string().max(2000).default(''),
                }),
              )
              .max(50),
          }),
          response: ok,
        },
      },
      (request) =>
        setFinalists(
          deps,
          engagement,
          requireAuth(request).actor,
          ref(request.params, request.query),
          request.body.overrides,
        ),
    );
    app.post(
      `${base}/approve`,
      { schema: { tags, params: panelParams, querystring: panelQuery, response: ok } },
      (request) =>
        approveResults(deps, engagement, requireAuth(request).actor, ref(request.params, request.query)),
    );
    app.get(
      '/api/public/contests/:slug/results',
      {
        schema: {
          tags,
          description: 'Approved results of a contest, for everyone.',
          params: z.object({ slug: z.string().min(1).max(100) }),
          response: { 200: z.object({ panels: z.array(resultsViewSchema) }), ...commonErrors },
        },
      },
      (request) => publicResults(deps, request.params.slug),
    );
    app.get(
      '/api/public/contests/:slug/results/status',
      {
        schema: {
          tags,
          description: 'Whether the contest has approved results (for the landing page link), for everyone.',
          params: z.object({ slug: z.string().min(1).max(100) }),
          response: { 200: z.object({ published: z.boolean() }), ...commonErrors },
        },
      },
      (request) => publicResultsStatus(deps, request.params.slug),
    );

    const download = (type: string, name: string) => ({
      'content-type': type,
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    });
    const pdf = 'application/pdf';
    app.get(
      `${base}/sheet.pdf`,
      {
        schema: {
          tags,
          description:
            "A judge's scoring sheet (phiếu chấm điểm): their own, or the committee's after close.",
          params: panelParams,
          querystring: panelQuery.extend({ judge: z.string().min(1).max(64) }),
        },
      },
      async (request, reply) => {
        const file = await scoringSheetPdf(
          deps,
          requireAuth(request).actor,
          ref(request.params, request.query),
          request.query.judge,
        );
        return reply.headers(download(pdf, `phieu-cham-${request.params.roundKey}.pdf`)).send(file);
      },
    );
    app.get(
      `${base}/minutes.pdf`,
      {
        schema: {
          tags,
          description: 'Summary minutes of the jury results (biên bản tổng hợp kết quả chấm), after close.',
          params: panelParams,
          querystring: panelQuery,
        },
      },
      async (request, reply) => {
        const file = await minutesPdf(
          deps,
          engagement,
          requireAuth(request).actor,
          ref(request.params, request.query),
        );
        return reply.headers(download(pdf, `bien-ban-${request.params.roundKey}.pdf`)).send(file);
      },
    );
    app.get(
      `${base}/final.pdf`,
      {
        schema: {
          tags,
          description: 'The approved results (public).',
          params: panelParams,
          querystring: panelQuery,
        },
      },
      async (request, reply) => {
        const file = await finalResultsPdf(deps, ref(request.params, request.query));
        return reply.headers(download(pdf, `ket-qua-${request.params.roundKey}.pdf`)).send(file);
      },
    );
    app.get(
      `${base}/results.xlsx`,
      {
        schema: {
          tags,
          description: 'The approved ranking (public).',
          params: panelParams,
          querystring: panelQuery,
        },
      },
      async (request, reply) => {
        const file = await resultsXlsx(deps, ref(request.params, request.query));
        return reply
          .headers(
            download(
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              `ket-qua-${request.params.roundKey}.xlsx`,
            ),
          )
          .send(file);
      },
    );
    app.get(
      `${base}/results.csv`,
      {
        schema: {
          tags,
          description: 'The approved ranking as CSV (public).',
          params: panelParams,
          querystring: panelQuery,
        },
      },
      async (request, reply) => {
        const file = await resultsCsv(deps, ref(request.params, request.query));
        return reply
          .headers(download('text/csv; charset=utf-8', `ket-qua-${request.params.roundKey}.csv`))
          .send(file);
      },
    );
  };

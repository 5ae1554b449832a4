import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../infra/context.js';
import { requireAuth } from '../../infra/http/auth-hook.js';
import { commonErrors } from '../../infra/http/error-schema.js';
import { panelCompletion, remindJudges } from './completion.service.js';
import {
  completionSchema,
  panelParams,
  panelQuery,
  panelViewSchema,
  queueSchema,
  scoresInput,
  sheetViewSchema,
} from './judging.schemas.js';
import { getPanel, inviteJudge, setAssignment, setPanelStatus } from './panel.service.js';
import { getOwnSheet, getSheet, judgeQueue, recuse, reopenSheet, saveSheet } from './sheet.service.js';

const tags = ['judging'];
const entryParams = z.object({ entryId: z.string().min(1).max(64) });
const sheetParams = z.object({ sheetId: z.string().min(1).max(64) });
const panelOk = { 200: panelViewSchema, ...commonErrors };
const sheetOk = { 200: sheetViewSchema, ...commonErrors };
const reason = z.object({ reason: z.string().max(2000) });

export const judgingRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugin signature
  async (app) => {
    const base = '/api/contests/:slug/rounds/:roundKey/judging';
    const ref = (p: { slug: string; roundKey: string }, q: { unit?: string | undefined }) => ({
      slug: p.slug,
      roundKey: p.roundKey,
      unitId: q.unit,
    });

    app.get(
      base,
      { schema: { tags, params: panelParams, querystring: panelQuery, response: panelOk } },
      (request) => getPanel(deps, requireAuth(request).actor, ref(request.params, request.query)),
    );
    app.post(
      `${base}/judges`,
      {
        schema: {
          tags,
          description: 'Invites a judge by email (an account is created with a welcome link if needed).',
          params: panelParams,
          querystring: panelQuery,
          body: z.object({
            email: z.string().min(3).max(254),
            name: z.string().trim().min(1).max(200),
            title: z.string().max(300).optional(),
            homeUnitId: z.string().max(64).nullable().optional(),
          }),
          response: panelOk,
        },
      },
      (request) =>
        inviteJudge(deps, requireAuth(request).actor, ref(request.params, request.query), request.body),
    );
    app.put(
      `${base}/assignment`,
      {
        schema: {
          tags,
          params: panelParams,
          querystring: panelQuery,
          body: z.object({
            mode: z.enum(['all', 'balanced']),
            judgesPerEntry: z.number().int().min(1).max(100).optional(),
            deviationThreshold: z.number().positive().max(10).optional(),
          }),
          response: panelOk,
        },
      },
      (request) =>
        setAssignment(deps, requireAuth(request).actor, ref(request.params, request.query), request.body),
    );
    app.post(
      `${base}/close`,
      { schema: { tags, params: panelParams, querystring: panelQuery, response: panelOk } },
      (request) =>
        setPanelStatus(deps, requireAuth(request).actor, ref(request.params, request.query), 'closed'),
    );
    app.post(
      `${base}/reopen`,
      { schema: { tags, params: panelParams, querystring: panelQuery, body: reason, response: panelOk } },
      (request) =>
        setPanelStatus(
          deps,
          requireAuth(request).actor,
          ref(request.params, request.query),
          'open',
          request.body.reason,
        ),
    );
    app.get(
      `${base}/completion`,
      {
        schema: {
          tags,
          params: panelParams,
          querystring: panelQuery,
          response: { 200: completionSchema, ...commonErrors },
        },
      },
      (request) => panelCompletion(deps, requireAuth(request).actor, ref(request.params, request.query)),
    );
    app.post(
      `${base}/reminders`,
      {
        schema: {
          tags,
          params: panelParams,
          querystring: panelQuery,
          response: { 200: z.object({ reminded: z.number() }), ...commonErrors },
        },
      },
      (request) => remindJudges(deps, requireAuth(request).actor, ref(request.params, request.query)),
    );

    app.get(
      '/api/contests/:slug/judging/queue',
      {
        schema: {
          tags,
          description: "The signed-in judge's assigned entries and their own sheets.",
          params: z.object({ slug: z.string().min(1).max(100) }),
          response: { 200: queueSchema, ...commonErrors },
        },
      },
      (request) => judgeQueue(deps, requireAuth(request).actor, request.params.slug),
    );
    app.get(
      '/api/judging/entries/:entryId/sheet',
      { schema: { tags, params: entryParams, response: sheetOk } },
      (request) => getOwnSheet(deps, requireAuth(request).actor, request.params.entryId),
    );
    app.put(
      '/api/judging/entries/:entryId/sheet',
      {
        schema: {
          tags,
          description: 'Saves the draft (autosave). A submitted sheet is locked (409).',
          params: entryParams,
          body: scoresInput,
          response: sheetOk,
        },
      },
      (request) => saveSheet(deps, requireAuth(request).actor, request.params.entryId, request.body),
    );
    app.post(
      '/api/judging/entries/:entryId/sheet/submit',
      { schema: { tags, params: entryParams, body: scoresInput, response: sheetOk } },
      (request) =>
        saveSheet(deps, requireAuth(request).actor, request.params.entryId, {
          ...request.body,
          submit: true,
        }),
    );
    app.post(
      '/api/judging/entries/:entryId/recuse',
      {
        schema: { tags, params: entryParams, body: reason, response: { 200: queueSchema, ...commonErrors } },
      },
      (request) => recuse(deps, requireAuth(request).actor, request.params.entryId, request.body.reason),
    );
    app.get(
      '/api/judging/sheets/:sheetId',
      { schema: { tags, params: sheetParams, response: sheetOk } },
      (request) => getSheet(deps, requireAuth(request).actor, request.params.sheetId),
    );
    app.post(
      '/api/judging/sheets/:sheetId/reopen',
      { schema: { tags, params: sheetParams, body: reason, response: sheetOk } },
      (request) => reopenSheet(deps, requireAuth(request).actor, request.params.sheetId, request.body.reason),
    );
  };

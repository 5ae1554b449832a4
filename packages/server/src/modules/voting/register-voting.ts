import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../infra/context.js';
import { createVotingRuntime, type VotingRuntimeOptions } from './voting-runtime.js';
import { votingRoutes } from './voting.routes.js';
import { publicSiteRoutes } from '../public-site/public-site.routes.js';
import { fanpageRoutes } from '../fanpage/fanpage.routes.js';

/**
 * Public voting, publication and fraud review routes (their runtime closed with the app), and the public
 * site's read API and server-rendered entry pages.
 */
export async function registerVoting(
  app: FastifyInstance,
  deps: Deps,
  options: VotingRuntimeOptions = {},
  webDistDir?: string,
): Promise<void> {
  const rt = createVotingRuntime(deps, options);
  app.addHook('onClose', () => rt.close());
  await app.register(votingRoutes(deps, rt));
  await app.register(publicSiteRoutes(deps, webDistDir));
  await app.register(fanpageRoutes(deps));
}

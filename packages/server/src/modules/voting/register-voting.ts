import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../infra/context.js';
import { createVotingRuntime, type VotingRuntimeOptions } from './voting-runtime.js';
import { votingRoutes } from './voting.routes.js';

/** Public voting, publication and fraud review routes, with their runtime closed with the app. */
export async function registerVoting(
  app: FastifyInstance,
  deps: Deps,
  options: VotingRuntimeOptions = {},
): Promise<void> {
  const rt = createVotingRuntime(deps, options);
  app.addHook('onClose', () => rt.close());
  await app.register(votingRoutes(deps, rt));
}

import { fetchChallenge } from '../api/voting';

export interface SolvedChallenge {
  challenge: { parameters: Record<string, unknown>; signature?: string };
  solution: { counter: number; derivedKey: string };
}

/** Fetches the server's ALTCHA challenge and solves it in a Web Worker (loaded only when needed). */
export async function solveServerChallenge(): Promise<SolvedChallenge> {
  const challenge = await fetchChallenge();
  const worker = new Worker(new URL('./altcha.worker.ts', import.meta.url), { type: 'module' });
  try {
    const solution = await new Promise<SolvedChallenge['solution'] | null>((resolve, reject) => {
      worker.onmessage = (e: MessageEvent<SolvedChallenge['solution'] | null>) => resolve(e.data);
      worker.onerror = () => reject(new Error('challenge worker failed'));
      worker.postMessage(challenge);
    });
    if (!solution) throw new Error('challenge not solved');
    return { challenge, solution };
  } finally {
    worker.terminate();
  }
}

import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';

/** Solves the proof-of-work off the main thread, so the page stays responsive on slow phones. */
self.onmessage = (event: MessageEvent<Challenge>) => {
  solveChallenge({ challenge: event.data, deriveKey })
    .then((solution) =>
      self.postMessage(solution ? { counter: solution.counter, derivedKey: solution.derivedKey } : null),
    )
    .catch(() => self.postMessage(null));
};

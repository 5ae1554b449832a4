import { EventEmitter } from 'node:events';

/**
 * Wakes this process's workers when this process enqueues, so an in-process job starts without waiting
 * for the next poll. Only a hint: other processes still find the job by polling the table.
 */
const emitter = new EventEmitter();
emitter.setMaxListeners(0);

export function signalEnqueued(queue: string): void {
  emitter.emit('enqueued', queue);
}

export function onEnqueued(queue: string, fn: () => void): () => void {
  const listener = (q: string) => {
    if (q === queue) fn();
  };
  emitter.on('enqueued', listener);
  return () => emitter.off('enqueued', listener);
}

/**
 * Wraps an asynchronous read so that calls made while one is on its way share it; once it has
 * answered (or failed), the next call starts a new one. Nothing is kept: a caller sees a state at
 * most one round trip old.
 */
export function singleFlight<T>(read: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  return () => {
    running ??= read().finally(() => {
      running = undefined;
    });
    return running;
  };
}

/**
 * A log pipe whose reader went away (the supervisor, a terminal, `| tee` killed) fails every write
 * with EPIPE, reported asynchronously as an `error` event of the stream. Unheard, each one was an
 * uncaught exception, whose report (`console.error`) was another write to the same pipe: a loop of
 * tens of thousands of exceptions a second at 100 % CPU, in which SIGTERM was never handled. There
 * is nowhere to report a failure of the log itself, so the process goes on without its log.
 */
export function tolerateClosedLogPipes(): void {
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
}

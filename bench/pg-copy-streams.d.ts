/** The part of pg-copy-streams the benchmarks use (version 6 ships no types). */
declare module 'pg-copy-streams' {
  import type { Writable } from 'node:stream';
  import type { Submittable } from 'pg';

  /** `COPY … FROM STDIN`: write the rows in the COPY text format, end the stream to commit. */
  export function from(sql: string): Writable & Submittable & { rowCount?: number };
}

import type { FastifyRequest } from 'fastify';

/**
 * Whether an error on a page people open from a link (the public registry, an unsubscribe link)
 * should be the Russian HTML page rather than the problem document: only when the client asks for
 * HTML, as browsers do. Programs, mail providers' one-click POSTs and crawlers of the open data get
 * application/problem+json like every other error.
 */
export function prefersHtml(request: FastifyRequest): boolean {
  return /\btext\/html\b/i.test(request.headers.accept ?? '');
}

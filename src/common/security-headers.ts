import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/** Swagger UI's page is the one screen that needs inline scripts. */
const DOCS_PREFIX = '/api/docs';

const STRICT_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Inline styles (the public registry's stylesheet, e-mail-like pages) cannot run code.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Security headers on every answer: a strict Content-Security-Policy (no inline scripts) everywhere
 * but the API docs, and Strict-Transport-Security only where the service is reached over HTTPS
 * (the request came over TLS, or through a trusted proxy that says so, or PUBLIC_BASE_URL is https).
 * The middlewares are built once: @fastify/helmet built one per request, parsing the policy each
 * time (5 % of the service's CPU serving trends).
 */
export function installSecurityHeaders(fastify: FastifyInstance, publicBaseUrl: string | undefined) {
  const strict = helmet({
    contentSecurityPolicy: { directives: STRICT_DIRECTIVES },
    strictTransportSecurity: false,
  });
  const docs = helmet({
    contentSecurityPolicy: {
      directives: { ...STRICT_DIRECTIVES, scriptSrc: ["'self'", "'unsafe-inline'"] },
    },
    strictTransportSecurity: false,
  });
  const alwaysHttps = publicBaseUrl?.startsWith('https://') ?? false;
  fastify.addHook('onRequest', (request, reply, done) => {
    if (alwaysHttps || request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
    const middleware = request.url.startsWith(DOCS_PREFIX) ? docs : strict;
    middleware(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
}

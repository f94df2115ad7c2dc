import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CommonError, CommonErrorCode } from './errors/common.errors';

/**
 * How large a request body may be. Most routes take a form's worth of JSON; a login or a style check
 * needs kilobytes; only bulk ingest and file imports take megabytes. A route names its class with
 * `@BodyLimit(...)`; every other route gets `STANDARD`.
 */
export const BODY_LIMITS = {
  /** Credentials: an e-mail and a password. */
  credentials: 16 * 1024,
  /** A text to check for style (20 000 characters, up to 4 bytes each in UTF-8). */
  text: 128 * 1024,
  /** Everything not marked otherwise (a page, an organization, a policy). */
  standard: 1024 * 1024,
  /** A week's content plan: up to 200 items with their texts. */
  plan: 4 * 1024 * 1024,
  /** Bulk ingest (10 000 publications) and spreadsheet/CSV imports. */
  bulk: 20 * 1024 * 1024,
} as const;

/** The largest limit: Fastify's own, which a route's limit may lower but not raise. */
export const MAX_BODY_BYTES = BODY_LIMITS.bulk;

/** JSON nested deeper than this is refused before it is parsed (no request DTO nests past 4). */
export const MAX_JSON_DEPTH = 32;

export const BodyLimit = (bytes: number) => RouteConfig({ bodyLimit: bytes });

/** Every route gets the limit its `@BodyLimit` names, else the standard one. */
export function installBodyLimits(fastify: FastifyInstance) {
  fastify.addHook('onRoute', (route) => {
    const configured = (route.config as { bodyLimit?: number } | undefined)?.bodyLimit;
    route.bodyLimit ??= configured ?? BODY_LIMITS.standard;
  });
}

/**
 * Depth of the deepest array or object in a JSON text, read from its bytes without building
 * anything, stopping as soon as `limit` is passed. Brackets inside strings do not count; UTF-8
 * continuation bytes are all ≥ 0x80, so they can never look like a quote, a backslash or a bracket.
 */
export function jsonDepthExceeds(body: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === 0x5c) i++;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > limit) return true;
    } else if (byte === 0x5d || byte === 0x7d) {
      depth--;
    }
  }
  return false;
}

type ParserDone = (error: Error | null, body?: unknown) => void;

/**
 * The JSON parser: refuses nesting deeper than MAX_JSON_DEPTH, then Fastify's own parser (which
 * also refuses `__proto__` and `constructor.prototype` keys). A few thousand levels of brackets
 * used to overflow the stack of class-transformer, and megabytes of them held the event loop.
 */
export function depthCheckedJsonParser(fastify: FastifyInstance) {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (request: FastifyRequest, body: Buffer, done: ParserDone) => {
    if (jsonDepthExceeds(body, MAX_JSON_DEPTH)) {
      done(new CommonError(CommonErrorCode.JSON_TOO_DEEP, { maxDepth: MAX_JSON_DEPTH }));
      return;
    }
    // Fastify's parser reads a Buffer as well as a string (secure-json-parse); its type says string.
    void parse(request, body as unknown as string, done as NonNullable<Parameters<typeof parse>[2]>);
  };
}

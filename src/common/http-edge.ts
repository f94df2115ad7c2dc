import type { Duplex } from 'node:stream';
import { Transform, type TransformCallback } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { ProblemField } from './errors/domain-error';
import { CommonError, CommonErrorCode } from './errors/common.errors';
import { commonErrorFor, PROBLEM_CONTENT_TYPE, toProblem } from './problem/problem.filter';
import { percentDecode } from './text/percent-decode';
import { bytesProblem } from './text/unstorable-text';

/** Longer request targets get 414; Node itself answers 431 past its 16 KiB header limit. */
export const MAX_URL_LENGTH = 8 * 1024;

/** Methods a route of this service may answer; what an `Allow` header can list. */
const ROUTE_METHODS: HTTPMethods[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Bodies read as text: their bytes must be UTF-8. XLSX is binary and checked by its reader. */
const TEXT_BODY = /^\s*(application\/(?:[\w.+-]+\+)?json|text\/)/i;

/**
 * Checks every request gets at the edge, before Nest: the request target's length, NUL and invalid
 * UTF-8 in the path and query (a 400 naming the parameter rather than a 500 from PostgreSQL, or a
 * streamed export cut off after its first byte), 405 with `Allow` for a known path and a method it
 * does not answer, UTF-8 of text bodies, and problem+json for what Node refuses before Fastify sees
 * a request. Problems are rendered as the ProblemFilter renders them.
 *
 * A preParsing hook rather than onRequest: it runs after main.ts's onRequest hooks (request id,
 * security headers), so a refused request still carries them.
 */
export function installHttpEdge(fastify: FastifyInstance): void {
  fastify.addHook('preParsing', (request, reply, payload, done) => {
    if (request.url.length > MAX_URL_LENGTH)
      return refuse(request, reply, new CommonError(CommonErrorCode.URI_TOO_LONG));
    const fields = requestTargetProblems(request);
    if (fields.length) return refuse(request, reply, new CommonError(CommonErrorCode.VALIDATION_FAILED, {}, fields));
    if (request.is404) {
      const allowed = allowedMethods(fastify, request.url.split('?')[0]);
      if (allowed.length) {
        void reply.header('allow', allowed.join(', '));
        return refuse(request, reply, new CommonError(CommonErrorCode.METHOD_NOT_ALLOWED));
      }
      // Not found: Nest's handler answers with its 404 problem.
      return done(null, payload);
    }
    if (!TEXT_BODY.test(request.headers['content-type'] ?? '')) return done(null, payload);
    const checked = new Utf8Check();
    // pipe() does not pass an aborted upload on: without this the parser would wait for the end.
    payload.on('error', (error) => checked.destroy(error));
    done(null, payload.pipe(checked));
  });
  replaceClientErrorHandler(fastify);
}

/**
 * Answers from the edge itself, as the ProblemFilter would. Errors passed on from a hook of an
 * unmatched route reach Fastify's default handler, not Nest's, and would come out as plain JSON.
 */
function refuse(request: FastifyRequest, reply: FastifyReply, error: CommonError) {
  void reply.code(error.status).header('content-type', PROBLEM_CONTENT_TYPE).send(toProblem(error, request.url));
}

/**
 * A malformed percent escape in the path, or a path parameter past Fastify's maxParamLength, is
 * refused by the router before any hook or handler, as plain JSON unless the `frameworkErrors`
 * constructor option (given in main.ts) answers it as a problem.
 */
export function frameworkErrors(error: { statusCode?: number }, request: FastifyRequest, reply: FastifyReply) {
  void reply.header('x-request-id', request.id);
  const status = error.statusCode ?? 400;
  refuse(request, reply, status === 400 ? new CommonError(CommonErrorCode.MALFORMED_REQUEST) : commonErrorFor(status));
}

/** Path segments and query parameters whose bytes are NUL or not UTF-8, named as the API names them. */
export function requestTargetProblems(request: FastifyRequest): ProblemField[] {
  const [path, query = ''] = splitOnce(request.url, '?');
  const fields: ProblemField[] = [];
  if (path.includes('%') || /[^\x20-\x7e]/.test(path)) {
    const pattern = request.is404 ? [] : (request.routeOptions.url ?? '').split('/');
    path.split('/').forEach((segment, index) => {
      const message = bytesProblem(percentDecode(segment, false));
      const name = pattern[index]?.startsWith(':') ? pattern[index].slice(1) : 'path';
      if (message) fields.push({ field: name, message });
    });
  }
  // Plain ASCII without escapes (most queries) cannot hold NUL or bad UTF-8: nothing to decode.
  if (query.includes('%') || /[^\x20-\x7e]/.test(query)) {
    for (const part of query.split('&')) {
      const [rawName, rawValue = ''] = splitOnce(part, '=');
      const name = percentDecode(rawName, true);
      const message = bytesProblem(name) ?? bytesProblem(percentDecode(rawValue, true));
      // A name that is itself broken is shown with its bad bytes replaced, so the problem stays JSON-safe.
      if (message) fields.push({ field: name.toString('utf8').replaceAll('\u0000', '\ufffd'), message });
    }
  }
  return fields;
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}

function allowedMethods(fastify: FastifyInstance, path: string): HTTPMethods[] {
  return ROUTE_METHODS.filter((method) => fastify.findRoute({ method, url: path }) !== null);
}

/** Passes a text body through unchanged, failing it with a 400 problem at the first byte that is not UTF-8. */
class Utf8Check extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      return callback(new CommonError(CommonErrorCode.BODY_NOT_UTF8));
    }
    callback(null, chunk);
  }
  override _flush(callback: TransformCallback) {
    try {
      this.decoder.decode();
    } catch {
      return callback(new CommonError(CommonErrorCode.BODY_NOT_UTF8));
    }
    callback();
  }
}

/**
 * What Node's HTTP parser refuses (headers past 16 KiB, a malformed content-length, a request that
 * arrives too slowly) never reaches Fastify's handlers; its default answer is plain JSON. Answered
 * here as a problem, then the connection is closed, as Node requires after a parse error.
 */
function replaceClientErrorHandler(fastify: FastifyInstance) {
  const server = fastify.server;
  server.removeAllListeners('clientError');
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const code =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? CommonErrorCode.HEADERS_TOO_LARGE
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? CommonErrorCode.REQUEST_TIMEOUT
          : CommonErrorCode.MALFORMED_REQUEST;
    const problem = new CommonError(code);
    const body = JSON.stringify(toProblem(problem));
    const reason = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' };
    if (!socket.writable) return socket.destroy();
    socket.end(
      `HTTP/1.1 ${problem.status} ${reason[problem.status as 400 | 408 | 431]}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  });
}

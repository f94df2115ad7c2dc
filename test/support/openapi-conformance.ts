import { readFileSync } from 'node:fs';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';

/**
 * Every answer the integration tests receive through `api()` is checked against the OpenAPI
 * document the running service publishes: the status is documented for the operation, the
 * content type is one the document names for that status, and a JSON body (problem+json too)
 * matches the schema. A mismatch fails the test that received the answer.
 *
 * Schemas are read closed: an object the document describes with `properties` may not carry
 * members it does not name, unless the document says `additionalProperties` (problem documents
 * carry RFC 9457 extension members). Requests to paths or methods the document does not
 * describe (the Swagger UI, a 404 on an unknown route, a 405) are not checked.
 */

interface MediaType {
  schema?: unknown;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
}
interface Operation {
  responses: Record<string, ResponseObject>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
}

interface Route {
  template: string;
  pattern: RegExp;
  literalLength: number;
  operations: Record<string, Operation>;
}

const JSON_MEDIA = /^application\/(?:[\w.-]+\+)?json$/;

export class OpenApiConformance {
  private readonly ajv: Ajv;
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ components: toJsonSchema(document.components ?? {}) }, 'openapi.json');
    // Literal paths win over templated ones (`/registry.csv` over `/registry/{id}` never clash,
    // but `/content-plans/export.csv` must not be read as an id).
    this.routes = Object.entries(document.paths)
      .map(([template, operations]) => ({
        template,
        operations,
        pattern: new RegExp(
          `^${template
            .split(/\{[^}]+\}/)
            .map(escapeRegExp)
            .join('[^/]+')}$`,
        ),
        literalLength: template.replace(/\{[^}]+\}/g, '').length,
      }))
      .sort((a, b) => b.literalLength - a.literalLength);
  }

  /** Problems with one answer, empty when it conforms or is outside the document. */
  check(method: string, url: string, response: Response): string[] {
    const path = new URL(url, 'http://service').pathname;
    const route = this.routes.find((r) => r.pattern.test(path));
    const operation = route?.operations[method.toLowerCase()];
    if (!route || !operation) return [];
    const where = `${method.toUpperCase()} ${path} (${route.template}) answered ${response.status}`;

    const documented = operation.responses[String(response.status)] ?? operation.responses.default;
    if (!documented) {
      const statuses = Object.keys(operation.responses).join(', ');
      return [`${where}: status not documented (documented: ${statuses}); body ${preview(response)}`];
    }
    const content = documented.content ?? {};
    const mediaTypes = Object.keys(content);
    const contentType = String(response.headers['content-type'] ?? '')
      .split(';')[0]
      .trim()
      .toLowerCase();
    if (!mediaTypes.length) {
      return contentType && hasBody(response)
        ? [`${where}: documented without a body, but answered ${contentType} ${preview(response)}`]
        : [];
    }
    if (!mediaTypes.includes(contentType)) {
      return [`${where}: content type "${contentType}" not documented (documented: ${mediaTypes.join(', ')})`];
    }
    if (!JSON_MEDIA.test(contentType) || content[contentType].schema === undefined) return [];

    const pointer = ['paths', route.template, method.toLowerCase(), 'responses']
      .concat(operation.responses[String(response.status)] ? String(response.status) : 'default')
      .concat('content', contentType, 'schema');
    const validate = this.validator(pointer, content[contentType].schema);
    if (validate(response.body)) return [];
    return (validate.errors ?? []).map(
      (e) => `${where} ${contentType}: body${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`,
    );
  }

  private validator(pointer: string[], schema: unknown): ValidateFunction {
    const key = pointer.join('\u0000');
    let validate = this.validators.get(key);
    if (!validate) {
      // Inline schemas refer to `#/components/schemas/…`: resolve them against the document.
      validate = this.ajv.compile({ ...(toJsonSchema(schema) as object), $id: `response-${this.validators.size}` });
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/**
 * OpenAPI 3.0 schema objects as JSON Schema: `nullable` becomes a union with null, `$ref`s
 * point into the document added as `openapi.json`, objects with named properties are closed.
 */
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    if (key === '$ref' && typeof value === 'string') result.$ref = `openapi.json${value}`;
    else if (key === 'properties' && typeof value === 'object' && value !== null) {
      result.properties = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, toJsonSchema(s)]));
    } else result[key] = toJsonSchema(value);
  }
  if (source.properties && source.additionalProperties === undefined) result.additionalProperties = false;
  return source.nullable === true ? { anyOf: [{ type: 'null' }, result] } : result;
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function hasBody(response: Response) {
  return Boolean(response.text) || (Buffer.isBuffer(response.body) && response.body.length > 0);
}

function preview(response: Response) {
  const text = typeof response.text === 'string' ? response.text : '';
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

let shared: OpenApiConformance | undefined;

/** The document the global setup fetched from the running service. */
export function openApiConformance(): OpenApiConformance {
  if (!shared) {
    const file = process.env.TEST_OPENAPI_FILE;
    if (!file) throw new Error('TEST_OPENAPI_FILE is not set: run integration tests through jest (global setup)');
    shared = new OpenApiConformance(JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument);
  }
  return shared;
}

/** A supertest assertion that fails with every way the answer departs from the document. */
export function conformsToOpenApi(method: string, url: string) {
  return (response: Response) => {
    const problems = openApiConformance().check(method, url, response);
    if (problems.length) throw new Error(`Answer departs from the OpenAPI document:\n  ${problems.join('\n  ')}`);
  };
}

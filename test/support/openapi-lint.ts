/**
 * What the OpenAPI document must say for generated clients and for a Russian-reading team:
 * typed properties, Russian summaries, descriptions and tags, typed path parameters, the bearer
 * scheme as what it is. Returns one line per violation so a failing test lists them all.
 */

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  schema?: Schema;
}
interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
export interface LintedDocument {
  openapi: string;
  servers?: { url: string }[];
  tags?: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema>; securitySchemes?: Record<string, Schema> };
}

/** Russian text: mostly Cyrillic letters (Latin names such as VK, CSV, HTML or If-Match may appear). */
const isRussian = (text: unknown) =>
  typeof text === 'string' && (text.match(/[А-Яа-яЁё]/g)?.length ?? 0) > (text.match(/[A-Za-z]/g)?.length ?? 0);
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

export function lintOpenApiDocument(document: LintedDocument): string[] {
  const problems: string[] = [];
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    lintSchema(schema, `components.schemas.${name}`, problems);
  }
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (!isRussian(operation.summary)) problems.push(`${where}: summary is not Russian: ${operation.summary}`);
      if (!isRussian(operation.description)) {
        problems.push(`${where}: description is not Russian: ${operation.description}`);
      }
      for (const tag of operation.tags ?? [])
        if (!isRussian(tag)) problems.push(`${where}: tag "${tag}" is not Russian`);
      if (!operation.tags?.length) problems.push(`${where}: no tag`);
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in !== 'path') continue;
        const schema = parameter.schema ?? {};
        if (!schema.type) problems.push(`${where}: path parameter ${parameter.name} has no type`);
        if (!schema.format && !schema.pattern && !schema.enum) {
          problems.push(`${where}: path parameter ${parameter.name} has no format, pattern or enum`);
        }
      }
      const guarded = (operation.security ?? []).some((requirement) => Object.keys(requirement).length > 0);
      if (guarded && !operation.responses['401']) problems.push(`${where}: guarded but 401 not documented`);
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const [mediaType, content] of Object.entries(response.content ?? {})) {
          if (content.schema) lintSchema(content.schema, `${where} ${status} ${mediaType}`, problems);
        }
      }
    }
  }
  for (const tag of document.tags ?? []) {
    if (!isRussian(tag.name)) problems.push(`tag "${tag.name}" is not Russian`);
  }
  for (const [name, scheme] of Object.entries(document.components?.securitySchemes ?? {})) {
    if (scheme.bearerFormat === 'JWT') problems.push(`security scheme ${name} claims JWT: tokens are opaque`);
    if (!isRussian(scheme.description)) problems.push(`security scheme ${name}: description is not Russian`);
  }
  if (!document.servers?.length) problems.push('no servers');
  return problems;
}

/** A schema says what a value is: a type with its members, a reference, or a composition. */
function lintSchema(schema: Schema, where: string, problems: string[]) {
  if (schema.$ref) return;
  const composed = ['allOf', 'anyOf', 'oneOf'].find((key) => Array.isArray(schema[key]));
  if (composed) {
    (schema[composed] as Schema[]).forEach((part, i) => lintSchema(part, `${where}.${composed}[${i}]`, problems));
    return;
  }
  if (!schema.type) {
    problems.push(`${where}: no type`);
    return;
  }
  if (schema.type === 'object') {
    const properties = schema.properties as Record<string, Schema> | undefined;
    if (!properties && schema.additionalProperties === undefined) {
      problems.push(`${where}: type object without properties or additionalProperties`);
    }
    for (const [name, property] of Object.entries(properties ?? {})) {
      lintSchema(property, `${where}.${name}`, problems);
    }
    if (typeof schema.additionalProperties === 'object') {
      lintSchema(schema.additionalProperties as Schema, `${where}.*`, problems);
    }
  }
  if (schema.type === 'array') {
    // An enum on the array would make every array invalid: the values belong to its items.
    if (schema.enum) problems.push(`${where}: enum on an array instead of its items`);
    if (!schema.items) problems.push(`${where}: array without items`);
    else lintSchema(schema.items as Schema, `${where}[]`, problems);
  }
}

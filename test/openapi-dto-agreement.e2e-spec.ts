import 'reflect-metadata';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { appUrl } from './support/api';

// The DTOs' validation rules are read here; their schemas come from the document the service
// serves. @nestjs/swagger is an ES module jest cannot load, and its decorators add nothing the
// served document does not show, so they are inert in this file.
/** A DTO class as class-validator keeps it: its metadata is stored by constructor. */
type DtoClass = abstract new (...args: never[]) => object;

// The mock records which properties each class documents, to find the operations a query DTO serves.
const mockDocumented = new Map<DtoClass, Set<string>>();
jest.mock('@nestjs/swagger', () => {
  const record = () => (prototype: object, property: string) => {
    const target = prototype.constructor as DtoClass;
    mockDocumented.set(target, (mockDocumented.get(target) ?? new Set<string>()).add(property));
  };
  return { ApiProperty: record, ApiPropertyOptional: record };
});

function documentedProperties(target: DtoClass): string[] {
  const names = new Set<string>();
  for (let c = target; c && c !== Function.prototype; c = Object.getPrototypeOf(c) as DtoClass) {
    for (const name of mockDocumented.get(c) ?? []) names.add(name);
  }
  return [...names].sort();
}
// Imports @nestjs/common (an ES module too); the DTOs only use its problem field class as a type.
jest.mock('../src/common/problem/api-problems.decorator', () => ({ ProblemFieldDto: class ProblemFieldDto {} }));

/**
 * What the OpenAPI document says a request may hold is what class-validator accepts: the
 * required fields, enums, bounds, lengths and patterns of every validated body and query DTO,
 * and no documented field that the whitelist would refuse.
 */

type Schema = {
  type?: string;
  required?: string[] | boolean;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  [keyword: string]: unknown;
};
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}
interface Document {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: unknown }>>;
  components: { schemas: Record<string, Schema> };
}

const ROOT = path.resolve(__dirname, '..', 'src');

function dtoFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return dtoFiles(full);
    return name.endsWith('.dto.ts') ? [full] : [];
  });
}

function validatedClasses(): DtoClass[] {
  const classes = dtoFiles(ROOT).flatMap((file) =>
    Object.values(jest.requireActual<Record<string, unknown>>(file)).filter(
      (value): value is DtoClass => typeof value === 'function',
    ),
  );
  return classes.filter((target) => rulesOf(target).length > 0);
}

function rulesOf(target: DtoClass): ValidationMetadata[] {
  return getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
}

/** Where one rule of class-validator shows in a JSON schema, and the value it must have there. */
function documented(rule: ValidationMetadata): [keyword: string, value: unknown] | undefined {
  const [constraint] = (rule.constraints ?? []) as unknown[];
  switch (rule.name ?? '') {
    case 'maxLength':
      return ['maxLength', constraint];
    case 'minLength':
      return ['minLength', constraint];
    case 'max':
      return ['maximum', constraint];
    case 'min':
      return ['minimum', constraint];
    case 'isIn':
      return ['enum', [...(constraint as unknown[])].map(String).sort()];
    case 'isEnum':
      return [
        'enum',
        Object.values(constraint as object)
          .map(String)
          .sort(),
      ];
    case 'matches':
      return ['pattern', (constraint as RegExp).source];
    default:
      return undefined;
  }
}

function compare(where: string, rules: ValidationMetadata[], schema: Schema, required: boolean): string[] {
  const problems: string[] = [];
  const optional = rules.some((r) => r.type === ValidationTypes.CONDITIONAL_VALIDATION);
  if (optional && required) problems.push(`${where}: optional for the validator but required in the document`);
  if (!optional && !required) problems.push(`${where}: required by the validator but optional in the document`);
  for (const rule of rules) {
    const expected = documented(rule);
    if (!expected) continue;
    const [keyword, value] = expected;
    const target = rule.each && schema.type === 'array' && schema.items ? schema.items : schema;
    const actual = keyword === 'enum' && Array.isArray(target.enum) ? target.enum.map(String).sort() : target[keyword];
    if (JSON.stringify(actual) !== JSON.stringify(value)) {
      problems.push(
        `${where}: ${rule.name} wants ${keyword} ${JSON.stringify(value)}, document has ${JSON.stringify(actual)}`,
      );
    }
  }
  return problems;
}

function byProperty(target: DtoClass) {
  return getMetadataStorage().groupByPropertyName(rulesOf(target).filter((r) => r.propertyName));
}

function bodyDisagreements(target: DtoClass, schema: Schema): string[] {
  const rules = byProperty(target);
  const required = Array.isArray(schema.required) ? schema.required : [];
  const problems = Object.entries(rules).flatMap(([property, propertyRules]) => {
    const propertySchema = schema.properties?.[property];
    if (!propertySchema) return [`${target.name}.${property}: validated but not in the document`];
    return compare(`${target.name}.${property}`, propertyRules, propertySchema, required.includes(property));
  });
  for (const property of Object.keys(schema.properties ?? {})) {
    if (!rules[property]) problems.push(`${target.name}.${property}: documented but refused by the whitelist`);
  }
  return problems;
}

/** Names of the component schemas a request body may hold, directly or nested. */
function requestSchemas(document: Document): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const name = value.replace('#/components/schemas/', '');
        if (!names.has(name)) {
          names.add(name);
          visit(document.components.schemas[name]);
        }
      } else visit(value);
    }
  };
  for (const item of Object.values(document.paths))
    for (const operation of Object.values(item)) visit(operation.requestBody);
  return names;
}

interface QueryOperation {
  where: string;
  query: Parameter[];
}

function queryOperations(document: Document): QueryOperation[] {
  return Object.entries(document.paths).flatMap(([route, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      where: `${method.toUpperCase()} ${route}`,
      query: (operation.parameters ?? []).filter((p) => p.in === 'query'),
    })),
  );
}

/** An operation takes a DTO as its query when its parameters are the DTO's documented properties. */
const takes = (operation: QueryOperation, target: DtoClass) =>
  operation.query.length > 0 &&
  JSON.stringify(operation.query.map((p) => p.name).sort()) === JSON.stringify(documentedProperties(target));

function queryProblems(target: DtoClass, { where, query }: QueryOperation): string[] {
  const rules = byProperty(target);
  return [
    ...Object.keys(rules).flatMap((name) => {
      const parameter = query.find((p) => p.name === name)!;
      return compare(`${where} ?${name} (${target.name})`, rules[name], parameter.schema ?? {}, !!parameter.required);
    }),
    ...query
      .filter((p) => !rules[p.name])
      .map((p) => `${where} ?${p.name} (${target.name}): documented but refused by the whitelist`),
  ];
}

/**
 * Each query DTO serves some operation, and each operation's query agrees with one of the DTOs
 * documented with its parameter names (two DTOs may share names, e.g. from and to).
 */
function queryDisagreements(queryClasses: DtoClass[], document: Document): string[] {
  const operations = queryOperations(document);
  const problems: string[] = [];
  // A base class only reaches the document through the DTOs that extend it.
  const bases = new Set(queryClasses.map((c) => Object.getPrototypeOf(c) as DtoClass));
  for (const target of queryClasses) {
    if (!bases.has(target) && !operations.some((o) => takes(o, target))) {
      problems.push(`${target.name}: validated query not found in the document`);
    }
  }
  for (const operation of operations) {
    const candidates = queryClasses.filter((target) => takes(operation, target));
    const found = candidates.map((target) => queryProblems(target, operation));
    if (found.length && !found.some((p) => p.length === 0)) problems.push(...found.flat());
  }
  return problems;
}

describe('OpenAPI document and class-validator', () => {
  it('agree on every validated body and query: required, enums, bounds, lengths, patterns, fields', async () => {
    const document = (await request(appUrl()).get('/api/openapi.json').expect(200)).body as Document;
    const classes = validatedClasses();
    expect(classes.map((c) => c.name)).toEqual(expect.arrayContaining(['LoginDto', 'UpdatePolicyDto']));
    const bodies = requestSchemas(document);
    const schemas = document.components.schemas;
    expect([...bodies]).toEqual(expect.arrayContaining(['LoginDto', 'CreatePageDto', 'UpdatePolicyDto']));
    const problems = [
      // Response DTOs extending a request DTO inherit its rules but are never validated.
      ...classes.filter((c) => bodies.has(c.name)).flatMap((c) => bodyDisagreements(c, schemas[c.name])),
      ...queryDisagreements(
        classes.filter((c) => !schemas[c.name]),
        document,
      ),
    ];
    expect(problems).toEqual([]);
  });
});

/**
 * The OpenAPI 3.1 document, generated from the same route declarations (and their zod
 * schemas) that build the router: what is served is what is documented.
 */
import { z } from 'zod';
import type { AnyRoute } from './route';
import { ErrorSchema } from './schemas/common.schemas';

type JsonSchema = Record<string, unknown>;

/**
 * Turns zod schemas into JSON Schemas whose named parts (`.meta({ id })`) are shared
 * under `components.schemas`, where OpenAPI resolves `$ref`s.
 */
class SchemaCollector {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const { $schema: _ignored, $defs, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
    const renamed: Record<string, string> = {};
    for (const [name, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      renamed[name] = this.register(name, definition, io);
    }
    for (const [name, target] of Object.entries(renamed)) {
      this.components[target] = relink(this.components[target], renamed) as JsonSchema;
    }
    return relink(rest, renamed) as JsonSchema;
  }

  /** Registers a definition; the input form of a schema whose output differs gets an `Input` suffix. */
  private register(name: string, definition: JsonSchema, io: 'input' | 'output'): string {
    const existing = this.components[name];
    if (!existing || JSON.stringify(existing) === JSON.stringify(definition)) {
      this.components[name] = definition;
      return name;
    }
    const alternative = `${name}${io === 'input' ? 'Input' : 'Output'}`;
    this.components[alternative] = definition;
    return alternative;
  }
}

function relink(value: unknown, renamed: Record<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => relink(item, renamed));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (key === '$ref' && typeof item === 'string' && item.startsWith('#/$defs/')) {
        const name = item.slice('#/$defs/'.length);
        return [key, `#/components/schemas/${renamed[name] ?? name}`];
      }
      return [key, relink(item, renamed)];
    }),
  );
}

/** `/tasks/:id` → `/api/tasks/{id}` */
export function openApiPath(path: string): string {
  return `/api${path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
}

function parameters(schemas: SchemaCollector, schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const object = schemas.convert(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: location,
      required: location === 'path' || (object.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

function requestBody(schemas: SchemaCollector, route: AnyRoute) {
  if (!route.body) return undefined;
  if (route.bodyType === 'xml') {
    const xml = { schema: { type: 'string', description: 'BPMN 2.0 XML (at most 2 MB)' } };
    return { required: true, content: { 'application/xml': xml, 'text/xml': xml } };
  }
  return { required: true, content: { 'application/json': { schema: schemas.convert(route.body, 'input') } } };
}

function responses(schemas: SchemaCollector, route: AnyRoute) {
  const documented: Record<string, unknown> = {};
  const standard: Record<number, string> = {};
  if (route.params || route.query || route.body) standard[400] = 'Invalid input';
  if (route.access !== 'public') standard[401] = 'Not logged in';
  if (Array.isArray(route.access)) standard[403] = `Needs one of the roles: ${route.access.join(', ')}`;
  standard[500] = 'Internal error (with a correlation id)';
  for (const [status, description] of Object.entries(standard)) {
    documented[status] = { description, content: { 'application/json': { schema: schemas.convert(ErrorSchema, 'output') } } };
  }
  for (const [status, doc] of Object.entries(route.responses)) {
    documented[status] = {
      description: doc.description,
      ...(doc.schema ? { content: { [doc.contentType ?? 'application/json']: { schema: schemas.convert(doc.schema, 'output') } } } : {}),
    };
  }
  return documented;
}

/** Builds the OpenAPI 3.1 document for `routes`. */
export function buildOpenApiDocument(routes: AnyRoute[]): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas = new SchemaCollector();
  for (const route of routes) {
    const path = openApiPath(route.path);
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      tags: [route.tag],
      operationId: `${route.method}${route.path.replace(/[:/](\w)/g, (_, c: string) => c.toUpperCase()).replace(/\W/g, '')}`,
      ...(route.access === 'public' ? { security: [] } : {}),
      parameters: [...parameters(schemas, route.params, 'path'), ...parameters(schemas, route.query, 'query')],
      ...(route.body ? { requestBody: requestBody(schemas, route) } : {}),
      responses: responses(schemas, route),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Qualflow API',
      version: '0.1.0',
      description: 'Deploy BPMN processes, start instances, and work on their human tasks.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }, { sessionCookie: [] }],
    components: {
      schemas: schemas.components,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'The token from POST /api/auth/login' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'qualflow_session' },
      },
    },
    paths,
  };
}

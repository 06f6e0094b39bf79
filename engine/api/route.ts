/**
 * One route = one declaration: method, path, who may call it, the zod schemas of its
 * inputs and outputs, and a thin handler. The same declarations build the Express
 * router and the OpenAPI document, so a route cannot exist undocumented.
 */
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { type ApiDeps, type AuthUser, type Role, hasRole } from './context';
import { badRequest, forbidden, HttpError, unauthorized, zodDetails } from './errors';

export type Access = 'public' | 'user' | readonly Role[];
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  /** Media type of the body, `application/json` unless said. */
  contentType?: string;
}

export interface Reply {
  status?: number;
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<P, Q, B> {
  deps: ApiDeps;
  req: Request;
  res: Response;
  /** The caller; undefined only on public routes. */
  user: AuthUser;
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
}

export interface RouteDef<P = unknown, Q = unknown, B = unknown> {
  method: Method;
  /** Path below `/api`, Express syntax (`/tasks/:id`). */
  path: string;
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** `xml` reads the body as text from `application/xml` / `text/xml`. Default `json`. */
  bodyType?: 'json' | 'xml';
  responses: Record<number, ResponseDoc>;
  handle(ctx: RouteContext<P, Q, B>): Promise<Reply> | Reply;
}

export type AnyRoute = RouteDef<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>;

/** Declares a route; only here for type inference of the handler's inputs. */
export function route<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(def: RouteDef<P, Q, B>): AnyRoute {
  return def as unknown as AnyRoute;
}

/** Registers `routes` on `router`, each wrapped with authorisation and input parsing. */
export function mountRoutes(router: Router, routes: AnyRoute[], deps: ApiDeps): void {
  for (const def of routes) {
    router[def.method](def.path, async (req, res) => {
      const user = res.locals.user as AuthUser | undefined;
      authorise(def.access, user);
      const params = parse(def.params, req.params, 'path parameters');
      const query = parse(def.query, req.query, 'query parameters');
      const body = def.body ? parse(def.body, readBody(def, req), 'request body') : undefined;
      const reply = await def.handle({ deps, req, res, user: user as AuthUser, params, query, body });
      send(res, reply);
    });
  }
}

function authorise(access: Access, user: AuthUser | undefined): void {
  if (access === 'public') return;
  if (!user) throw unauthorized();
  if (access === 'user') return;
  if (!hasRole(user, ...access)) throw forbidden(`This needs one of the roles: ${access.join(', ')}`);
}

function parse<S extends z.ZodType | undefined>(schema: S, input: unknown, what: string): Out<S> {
  if (!schema) return undefined as Out<S>;
  const result = schema.safeParse(input ?? {});
  if (!result.success) throw badRequest(`Invalid ${what}`, zodDetails(result.error));
  return result.data as Out<S>;
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

function readBody(def: AnyRoute, req: Request): unknown {
  if (def.bodyType === 'xml') {
    if (!req.is(['application/xml', 'text/xml'])) {
      throw new HttpError(415, 'Send the BPMN diagram as application/xml or text/xml');
    }
    return typeof req.body === 'string' ? req.body : '';
  }
  if (hasBody(req) && !req.is('application/json')) {
    throw new HttpError(415, 'Send the request body as application/json');
  }
  return req.body;
}

function send(res: Response, reply: Reply): void {
  if (reply.headers) res.set(reply.headers);
  res.status(reply.status ?? 200);
  if (reply.body === undefined) {
    res.end();
  } else if (reply.contentType) {
    res.type(reply.contentType).send(reply.body);
  } else {
    res.json(reply.body);
  }
}

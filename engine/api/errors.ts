/**
 * The three kinds of failure and how each reaches the client: bad input or a broken
 * rule → 4xx with a clear message; a dependency down → 503 with a retry hint; a bug →
 * 500 with a correlation id that is also written to the log.
 */
import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { isGrpcServiceError, ServiceError } from '@temporalio/client';
import { ZodError } from 'zod';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, details?: unknown) => new HttpError(400, message, details);
export const unauthorized = (message = 'Authentication required') => new HttpError(401, message);
export const forbidden = (message: string) => new HttpError(403, message);
export const notFound = (message: string) => new HttpError(404, message);
export const conflict = (message: string, details?: unknown) => new HttpError(409, message, details);
export const unprocessable = (message: string, details?: unknown) => new HttpError(422, message, details);

/** A dependency (Temporal, the database) cannot be reached: 503 with a Retry-After hint. */
export class DependencyUnavailableError extends HttpError {
  constructor(dependency: 'temporal' | 'database', cause?: unknown) {
    super(
      503,
      dependency === 'temporal'
        ? 'The workflow engine (Temporal) is not reachable; try again in a few seconds'
        : 'The database is not reachable; try again in a few seconds',
      { dependency, retryAfterSeconds: 5 },
      { 'Retry-After': '5' },
    );
    this.cause = cause;
  }
}

const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

/** True when `err` says the Temporal server could not be reached in time (not a rejected call). */
export function isTemporalUnavailable(err: unknown): boolean {
  const candidates = [err, (err as { cause?: unknown } | undefined)?.cause];
  for (const candidate of candidates) {
    if (isGrpcServiceError(candidate)) {
      if (candidate.code === GRPC_UNAVAILABLE || candidate.code === GRPC_DEADLINE_EXCEEDED) return true;
    }
  }
  if (err instanceof ServiceError && /connect|unavailable|deadline/i.test(err.message)) return true;
  return err instanceof Error && /Failed to connect before the deadline/.test(err.message);
}

const PRISMA_CONNECTION_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);

function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'PrismaClientInitializationError') return true;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && PRISMA_CONNECTION_CODES.has(code);
}

/** Turns a zod failure into the `details` list clients see. */
export function zodDetails(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

interface BodyParserError {
  type?: string;
  status?: number;
}

function fromBodyParser(err: unknown): HttpError | undefined {
  const { type, status } = (err ?? {}) as BodyParserError;
  if (type === 'entity.too.large') return new HttpError(413, 'The request body is too large');
  if (type === 'entity.parse.failed') return badRequest('The request body is not valid JSON');
  if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    return new HttpError(415, 'Unsupported body encoding');
  }
  if (typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500) {
    return new HttpError(status, 'The request body could not be read');
  }
  return undefined;
}

/** Maps any thrown error to an HttpError, or undefined when it is a bug. */
export function toHttpError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  if (err instanceof ZodError) return badRequest('Invalid request', zodDetails(err));
  if (isTemporalUnavailable(err)) return new DependencyUnavailableError('temporal', err);
  if (isDatabaseUnavailable(err)) return new DependencyUnavailableError('database', err);
  return fromBodyParser(err);
}

/** The last middleware of the API: answers every error as JSON `{error, details}`. */
export function errorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const known = toHttpError(err);
    if (known) {
      if (known.status === 503) log(`[api] ${req.method} ${req.originalUrl}: ${describe(known.cause)}`);
      res.set(known.headers);
      const body: Record<string, unknown> = { error: known.message };
      if (known.details !== undefined) body.details = known.details;
      res.status(known.status).json(body);
      return;
    }
    const correlationId = randomUUID();
    log(`[api] ${correlationId} ${req.method} ${req.originalUrl} failed: ${describe(err, true)}`);
    res.status(500).json({ error: 'Internal error; quote this correlation id to your administrator', correlationId });
  };
}

/** Any /api path no route matched. */
export const apiNotFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: `No route ${req.method} ${req.originalUrl.split('?')[0]}` });
};

function describe(err: unknown, withStack = false): string {
  if (err instanceof Error) return withStack && err.stack ? err.stack : `${err.name}: ${err.message}`;
  return String(err);
}

/**
 * Builds the Qualflow HTTP app: the JSON API under /api and, when given, the built
 * front end at /.
 *
 *   request → security headers → body limits (JSON 1 MB, XML 2 MB) → session lookup
 *           → route: authorise → zod-parse params/query/body → service → reply
 *           → errors as JSON {error, details} (4xx / 503 / 500 + correlation id)
 */
import type { Client } from '@temporalio/client';
import express from 'express';
import { authenticate } from './auth.middleware';
import { authRoutes } from './auth.routes';
import { calendarRoutes } from './calendar.routes';
import { type ApiDeps, type Db, DEFAULT_TIMEOUTS, type TemporalTimeouts } from './context';
import { deadlineRoutes } from './deadline.routes';
import { designerRoutes } from './designer.routes';
import { definitionRoutes } from './definition.routes';
import { apiNotFound, errorHandler } from './errors';
import { formRoutes } from './form.routes';
import { formEditorRoutes } from './form-editor.routes';
import { healthRoutes } from './health.routes';
import { instanceRoutes } from './instance.routes';
import { instanceDetailRoutes } from './instance-detail.routes';
import { variablesRoutes } from './variables.routes';
import { heatmapRoutes } from './heatmap.routes';
import { instanceListRoutes } from './instance-list.routes';
import { monitorRoutes } from './monitor.routes';
import { processGrantRoutes } from './process-grant.routes';
import { messageRoutes } from './message.routes';
import { LoginRateLimiter, type LoginRateLimitOptions } from './login-rate-limit';
import { buildOpenApiDocument } from './openapi';
import { type AnyRoute, mountRoutes, route } from './route';
import { securityHeaders } from './security-headers';
import { staticSpa } from './spa';
import { taskRoutes } from './task.routes';
import { auditRoutes } from './audit.routes';
import { signatureRoutes } from './signature.routes';
import { taskEventRoutes } from './task-events.routes';
import { savedFilterRoutes } from './saved-filter.routes';
import { commentRoutes } from './comment.routes';
import { attachmentRoutes } from './attachment.routes';
import { reportRoutes } from './report.routes';
import { substitutionRoutes } from './substitution.routes';
import { notificationRoutes } from './notification.routes';
import { userRoutes } from './user.routes';
import { z } from 'zod';

export interface CreateAppOptions {
  db: Db;
  temporal: Client;
  taskQueue: string;
  /** Folder of the built front end; served at / with index.html for client-side routes. */
  staticDir?: string;
  /** Where request failures are logged (default: stderr). */
  log?: (line: string) => void;
  timeouts?: Partial<TemporalTimeouts>;
  loginRateLimit?: LoginRateLimitOptions;
  /** The Temporal web UI admins are linked to from an instance page (config.ts); none: no link. */
  temporalUiUrl?: string;
  /** Express `trust proxy` setting, for the client address behind a reverse proxy. */
  trustProxy?: boolean | number | string;
}

/** Every API route, including the OpenAPI document that describes them all. */
export function apiRoutes(limiter = new LoginRateLimiter()): AnyRoute[] {
  const routes = [
    ...healthRoutes(),
    ...authRoutes(limiter),
    ...userRoutes(),
    ...definitionRoutes(),
    ...formRoutes(),
    ...formEditorRoutes(),
    ...instanceRoutes(),
    ...instanceDetailRoutes(),
    ...variablesRoutes(),
    ...heatmapRoutes(),
    ...instanceListRoutes(),
    ...monitorRoutes(),
    ...processGrantRoutes(),
    ...messageRoutes(),
    ...taskEventRoutes(), // before taskRoutes: /tasks/events is not a task id
    ...taskRoutes(),
    ...auditRoutes(),
    ...signatureRoutes(),
    ...savedFilterRoutes(),
    ...commentRoutes(),
    ...attachmentRoutes(),
    ...deadlineRoutes(),
    ...reportRoutes(),
    ...substitutionRoutes(),
    ...notificationRoutes(),
    ...calendarRoutes(),
    ...designerRoutes(),
  ];
  let document: Record<string, unknown> | undefined;
  routes.push(
    route({
      method: 'get',
      path: '/openapi.json',
      summary: 'This OpenAPI 3.1 document',
      tag: 'meta',
      access: 'public',
      responses: { 200: { description: 'OpenAPI 3.1', schema: z.record(z.string(), z.unknown()) } },
      handle() {
        document ??= buildOpenApiDocument(routes);
        return { body: document };
      },
    }),
  );
  return routes;
}

/** Builds the app over its dependencies. Nothing listens until `listen` (server.ts). */
export function createApp(options: CreateAppOptions): express.Express {
  const log = options.log ?? ((line: string) => console.error(line));
  const deps: ApiDeps = {
    db: options.db,
    temporal: options.temporal,
    taskQueue: options.taskQueue,
    timeouts: { ...DEFAULT_TIMEOUTS, ...options.timeouts },
    log,
    temporalUiUrl: options.temporalUiUrl,
  };
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(securityHeaders);

  const api = express.Router();
  api.use(express.json({ limit: '1mb' }));
  api.use(express.text({ type: ['application/xml', 'text/xml'], limit: '2mb' }));
  api.use(authenticate(options.db));
  mountRoutes(api, apiRoutes(new LoginRateLimiter(options.loginRateLimit)), deps);
  api.use(apiNotFound);
  api.use(errorHandler(log));
  app.use('/api', api);

  if (options.staticDir) app.use(staticSpa(options.staticDir));
  app.use(errorHandler(log));
  return app;
}

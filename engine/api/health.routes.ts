import { checkHealth } from './health.service';
import { route, type AnyRoute } from './route';
import { HealthResponse } from './schemas/auth.schemas';

/** Liveness of the API and its dependencies. */
export function healthRoutes(): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/health',
      summary: 'Whether Temporal and the database answer (no login needed)',
      tag: 'health',
      access: 'public',
      responses: {
        200: { description: 'Everything is up', schema: HealthResponse },
        503: { description: 'A dependency is down', schema: HealthResponse },
      },
      async handle({ deps }) {
        const health = await checkHealth(deps.db, deps.temporal, Math.min(deps.timeouts.queryMs, 2_000));
        return { status: health.status === 'ok' ? 200 : 503, body: health, headers: { 'Cache-Control': 'no-store' } };
      },
    }),
  ];
}

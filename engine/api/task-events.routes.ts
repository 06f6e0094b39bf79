/**
 * Server-sent events for the tasklist: `GET /api/tasks/events` sends a `tasks` event with
 * the fingerprint of the caller's tasks at once and again whenever it changes, so a task
 * the process reaches shows up without a reload. Between changes a check costs one
 * primary-key read (`tasksVersion`). The browser's EventSource reconnects by
 * itself; a comment line every 20 s keeps proxies from closing an idle stream.
 */
import type { Response } from 'express';
import type { AuthUser, Db } from './context';
import { route, type AnyRoute } from './route';
import { taskFingerprint, tasksVersion } from './task-events.service';

export const TASK_EVENTS_CHECK_MS = 1500;
const KEEP_ALIVE_MS = 20_000;

function stream(db: Db, user: AuthUser, res: Response, checkMs: number): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no' });
  res.write('retry: 3000\n\n');
  let last = '';
  let seen: number | undefined;
  let idle = 0;
  let closed = false;
  return new Promise((done) => {
    let timer: NodeJS.Timeout | undefined;
    const check = async () => {
      try {
        const version = await tasksVersion(db);
        const now = version === seen ? last : await taskFingerprint(db, user);
        if (closed) return;
        seen = version;
        if (now !== last) {
          last = now;
          idle = 0;
          res.write(`event: tasks\ndata: ${JSON.stringify({ fingerprint: now })}\n\n`);
        } else if ((idle += checkMs) >= KEEP_ALIVE_MS) {
          idle = 0;
          res.write(': still here\n\n');
        }
      } catch {
        // the database hiccuped: try again at the next tick, the client keeps its list
      }
      if (!closed) timer = setTimeout(() => void check(), checkMs);
    };
    res.on('close', () => {
      closed = true;
      clearTimeout(timer);
      done();
    });
    void check();
  });
}

/** The tasklist's change feed. */
export function taskEventRoutes(checkMs = TASK_EVENTS_CHECK_MS): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/tasks/events',
      summary: 'Server-sent events: a `tasks` event whenever the tasks you may see change (opened, claimed, reassigned, closed)',
      tag: 'tasks',
      access: 'user',
      responses: { 200: { description: 'An event stream (text/event-stream)', contentType: 'text/event-stream' } },
      async handle({ deps, user, res }) {
        await stream(deps.db, user, res, checkMs);
        return {};
      },
    }),
  ];
}

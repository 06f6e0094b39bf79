/**
 * The authorisation matrix: each role — admin, process owner, manager, staff alice and
 * staff bob — against each task and instance route, on objects that are someone else's
 * (carol's work in a process nobody here owns), on a report's work (alice's), and on a
 * process the owner owns. Every cell gets fresh rows, so a permitted change in one cell
 * cannot change the answer of another. Temporal is unreachable here: a call that passes
 * authorisation and reaches the workflow answers 503.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPeople, startApi, type ApiHarness } from './support/api-harness';
import { insertInstance, insertTask } from './support/rows';

type Who = 'admin' | 'owner' | 'manager' | 'alice' | 'bob';
const ROLES: Who[] = ['admin', 'owner', 'manager', 'alice', 'bob'];
/** Whose object a cell acts on. */
type Subject = 'others' | 'report' | 'owned';
type Statuses = [admin: number, owner: number, manager: number, alice: number, bob: number];

interface Route {
  method: 'GET' | 'POST' | 'PATCH';
  /** `:task` and `:instance` are replaced by the cell's fresh object. */
  path: string;
  body?: unknown;
}

const routes: Record<string, Route> = {
  'read task': { method: 'GET', path: '/api/tasks/:task' },
  'task audit': { method: 'GET', path: '/api/tasks/:task/audit' },
  'claim task': { method: 'POST', path: '/api/tasks/:task/claim' },
  'unclaim task': { method: 'POST', path: '/api/tasks/:task/unclaim' },
  'complete task': { method: 'POST', path: '/api/tasks/:task/complete', body: { variables: {} } },
  'reassign task': { method: 'POST', path: '/api/tasks/:task/reassign', body: { assignee: 'bob', reason: 'rebalancing' } },
  'change due date': { method: 'PATCH', path: '/api/tasks/:task/due', body: { dueAt: '2030-01-31T17:00:00Z', reason: 'later' } },
  'read comments': { method: 'GET', path: '/api/tasks/:task/comments' },
  'add comment': { method: 'POST', path: '/api/tasks/:task/comments', body: { text: 'A remark' } },
  'list attachments': { method: 'GET', path: '/api/tasks/:task/attachments' },
  'read instance': { method: 'GET', path: '/api/instances/:instance' },
  'instance audit': { method: 'GET', path: '/api/instances/:instance/audit' },
  'instance signatures': { method: 'GET', path: '/api/instances/:instance/signatures' },
  'cancel instance': { method: 'POST', path: '/api/instances/:instance/cancel', body: { reason: 'obsolete' } },
};

//                                                       admin owner manager alice bob
const matrix: [Subject, keyof typeof routes, Statuses][] = [
  ['others', 'read task', /*                          */ [200, 404, 404, 404, 404]],
  ['others', 'task audit', /*                         */ [200, 404, 404, 404, 404]],
  ['others', 'claim task', /*                         */ [409, 403, 403, 403, 403]],
  ['others', 'unclaim task', /*                       */ [200, 403, 403, 403, 403]],
  ['others', 'complete task', /*                      */ [403, 403, 403, 403, 403]],
  ['others', 'reassign task', /*                      */ [200, 404, 404, 404, 404]],
  ['others', 'change due date', /*                    */ [503, 404, 404, 404, 404]],
  ['others', 'read comments', /*                      */ [200, 404, 404, 404, 404]],
  ['others', 'add comment', /*                        */ [201, 404, 404, 404, 404]],
  ['others', 'list attachments', /*                   */ [200, 404, 404, 404, 404]],
  ['others', 'read instance', /*                      */ [200, 404, 404, 404, 404]],
  ['others', 'instance audit', /*                     */ [200, 404, 404, 404, 404]],
  ['others', 'instance signatures', /*                */ [200, 404, 404, 404, 404]],
  ['others', 'cancel instance', /*                    */ [503, 403, 403, 403, 403]],
  ['report', 'read task', /*                          */ [200, 404, 200, 200, 404]],
  ['report', 'task audit', /*                         */ [200, 404, 200, 200, 404]],
  ['report', 'unclaim task', /*                       */ [200, 403, 200, 200, 403]],
  ['report', 'complete task', /*                      */ [403, 403, 403, 503, 403]],
  ['report', 'reassign task', /*                      */ [200, 404, 200, 403, 404]],
  ['report', 'change due date', /*                    */ [503, 404, 503, 403, 404]],
  ['report', 'read comments', /*                      */ [200, 404, 200, 200, 404]],
  ['report', 'read instance', /*                      */ [200, 404, 200, 200, 404]],
  ['report', 'instance audit', /*                     */ [200, 404, 200, 200, 404]],
  ['report', 'cancel instance', /*                    */ [503, 403, 503, 503, 403]],
  ['owned', 'read task', /*                           */ [200, 200, 404, 404, 404]],
  ['owned', 'task audit', /*                          */ [200, 200, 404, 404, 404]],
  ['owned', 'reassign task', /*                       */ [200, 200, 404, 404, 404]],
  ['owned', 'change due date', /*                     */ [503, 503, 404, 404, 404]],
  ['owned', 'read instance', /*                       */ [200, 200, 404, 404, 404]],
  ['owned', 'instance audit', /*                      */ [200, 200, 404, 404, 404]],
  ['owned', 'instance signatures', /*                 */ [200, 200, 404, 404, 404]],
];

const cells = matrix.flatMap(([subject, route, statuses]) => ROLES.map((who, i) => [subject, route, who, statuses[i]] as const));

describe('authorisation matrix', () => {
  let api: ApiHarness;
  const tokens = {} as Record<Who, string>;

  beforeAll(async () => {
    api = await startApi();
    await seedPeople(api.db);
    for (const who of ROLES) tokens[who] = await api.login(who);
    await api.db.definition.create({
      data: { id: 'def-owned', key: 'owned-process', version: 1, name: 'Owned', xml: '<xml/>', model: '{}', hash: 'h-owned', deployedBy: 'owner' },
    });
  });
  afterAll(() => api?.close());

  /** A fresh instance and open task: carol's work elsewhere, alice's (a report's), or carol's in the owner's process. */
  async function objectOf(subject: Subject): Promise<{ task: string; instance: string }> {
    const holder = subject === 'report' ? 'alice' : 'carol';
    const processKey = subject === 'owned' ? 'owned-process' : 'elsewhere';
    const instance = await insertInstance(api.db, { startedBy: holder, processKey });
    const task = await insertTask(api.db, { instanceId: instance, assignee: holder, candidateGroups: ['lab'], processKey });
    if (subject === 'owned') await api.db.task.update({ where: { id: task }, data: { definitionId: 'def-owned' } });
    return { task, instance };
  }

  it.each(cells)('%s object, %s, as %s → %i', async (subject, routeName, who, expected) => {
    // given
    const { task, instance } = await objectOf(subject);
    const route = routes[routeName];
    // when
    const path = route.path.replace(':task', task).replace(':instance', instance);
    const response = await api.request(route.method, path, { token: tokens[who], body: route.body });
    // then
    expect(response.status).toBe(expected);
  });

  it.each(ROLES.map((who, i) => [who, [true, false, false, false, false][i]] as const))(
    'lists someone else’s task and instance to %s: %s',
    async (who, listed) => {
      // given
      const { task, instance } = await objectOf('others');
      // when
      const tasks = await api.request('GET', `/api/tasks?state=all&pageSize=200&instanceId=${instance}`, { token: tokens[who] });
      const instances = await api.request('GET', '/api/instances?pageSize=200', { token: tokens[who] });
      // then
      expect(tasks.body.items.some((t: { id: string }) => t.id === task)).toBe(listed);
      expect(instances.body.items.some((i: { id: string }) => i.id === instance)).toBe(listed);
    },
  );
});

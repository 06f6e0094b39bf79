/**
 * Bench scenario "tasklist and monitor load": the main task list query and the dashboard
 * queries timed over a small database (1k tasks, 200 instances) and again after it grows
 * to 100k tasks and 20k instances, for an admin, a process owner, a manager and a staff
 * member; prints the median time of each at both sizes and their ratio. A ratio near the
 * size ratio (100×) means the query scans; near 1× means it stays on its indexes.
 */
import { join } from 'node:path';
import { loadAuthUser } from '../../engine/api/user.service';
import { listTasks } from '../../engine/api/task-query';
import { overdueReport } from '../../engine/api/report.service';
import { dashboard } from '../../engine/api/monitor.service';
import { listInstances } from '../../engine/api/instance.service';
import { TaskListQuery } from '../../engine/api/schemas/task.schemas';
import { InstanceListQuery } from '../../engine/api/schemas/instance.schemas';
import type { AuthUser } from '../../engine/api/context';
import { createDb, type Db } from '../../engine/db/client';
import { migrateDatabase } from '../../engine/db/migrate';
import { PROCESSES, seedMonitorLoad, STAFF, TEAMS } from './monitor-seed';

const SMALL_INSTANCES = 200;
const LARGE_INSTANCES = 20_000;
const RUNS = 5;

export type BenchQuery = { label: string; run: () => Promise<unknown> };

export async function seedBenchPeople(db: Db): Promise<Record<'admin' | 'owner' | 'manager' | 'staff', AuthUser>> {
  const make = (username: string, roles: string, group: string | null, managerId: string | null = null) =>
    db.user.create({
      data: {
        username, name: username, email: `${username}@example.test`, passwordHash: 'not-for-login', roles, managerId,
        ...(group && { memberships: { create: [{ group: { connectOrCreate: { where: { name: group }, create: { name: group } } } }] } }),
      },
    });
  const admin = await make('admin', 'admin', null);
  const owner = await make('owner', 'owner', null);
  const manager = await make('manager', 'manager', null);
  const staff = await make(STAFF[0], 'staff', TEAMS[0], manager.id);
  for (const username of STAFF.slice(1, 5)) await make(username, 'staff', TEAMS[1], manager.id);
  for (const key of PROCESSES.slice(0, 2)) {
    await db.definition.create({ data: { key, version: 1, name: key, xml: '<definitions/>', model: '{}', hash: key, owner: 'owner' } });
  }
  const load = async (id: string) => (await loadAuthUser(db, id)) as AuthUser;
  return { admin: await load(admin.id), owner: await load(owner.id), manager: await load(manager.id), staff: await load(staff.id) };
}

export function benchQueries(db: Db, people: Record<'admin' | 'owner' | 'manager' | 'staff', AuthUser>, now: Date): BenchQuery[] {
  const tasks = TaskListQuery.parse({ sort: 'dueAt' });
  const mine = TaskListQuery.parse({ assignee: 'me', sort: 'dueAt' });
  const instances = InstanceListQuery.parse({});
  return [
    { label: 'task list: my open tasks (staff)', run: () => listTasks(db, people.staff, mine, now) },
    { label: 'task list: all I may see (staff)', run: () => listTasks(db, people.staff, tasks, now) },
    { label: 'task list: all I may see (manager)', run: () => listTasks(db, people.manager, tasks, now) },
    { label: 'task list: all (admin)', run: () => listTasks(db, people.admin, tasks, now) },
    { label: 'overdue report (manager)', run: () => overdueReport(db, people.manager, {}, now) },
    { label: 'overdue report (admin)', run: () => overdueReport(db, people.admin, {}, now) },
    { label: 'dashboard (owner)', run: () => dashboard(db, people.owner, { days: 90 }, now) },
    { label: 'dashboard (manager)', run: () => dashboard(db, people.manager, { days: 90 }, now) },
    { label: 'dashboard (admin)', run: () => dashboard(db, people.admin, { days: 90 }, now) },
    { label: 'instance list (owner)', run: () => listInstances(db, people.owner, instances) },
    { label: 'instance list (manager)', run: () => listInstances(db, people.manager, instances) },
  ];
}

/** Median milliseconds of RUNS runs after one warm-up run. */
async function time(query: BenchQuery): Promise<number> {
  await query.run();
  const durations: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const began = performance.now();
    await query.run();
    durations.push(performance.now() - began);
  }
  return durations.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

async function timeAll(list: BenchQuery[]): Promise<number[]> {
  const results: number[] = [];
  for (const query of list) results.push(await time(query));
  return results;
}

/** Runs the scenario on a new database in `workDir`. */
export async function benchMonitorLoad(workDir: string, log: (line: string) => void): Promise<void> {
  const databaseUrl = `file:${join(workDir, 'monitor-bench.db')}`;
  await migrateDatabase(databaseUrl, () => {});
  const db = createDb(databaseUrl);
  try {
    const now = new Date();
    const people = await seedBenchPeople(db);
    const list = benchQueries(db, people, now);
    log(`\nBench: tasklist and monitor load — ${SMALL_INSTANCES * 5} tasks / ${SMALL_INSTANCES} instances, then ${LARGE_INSTANCES * 5} tasks / ${LARGE_INSTANCES} instances`);
    await seedMonitorLoad(db, SMALL_INSTANCES, now, 1);
    const small = await timeAll(list);
    const seeding = performance.now();
    await seedMonitorLoad(db, LARGE_INSTANCES - SMALL_INSTANCES, now, 2);
    log(`seeded ${(LARGE_INSTANCES - SMALL_INSTANCES) * 5} more tasks in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
    const large = await timeAll(list);
    log(`${'query'.padEnd(38)} ${'1k ms'.padStart(8)} ${'100k ms'.padStart(9)} ${'ratio'.padStart(7)}`);
    list.forEach((query, i) => {
      log(`${query.label.padEnd(38)} ${small[i].toFixed(1).padStart(8)} ${large[i].toFixed(1).padStart(9)} ${(large[i] / small[i]).toFixed(1).padStart(6)}x`);
    });
  } finally {
    await db.$disconnect();
  }
}

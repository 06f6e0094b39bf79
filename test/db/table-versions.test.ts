/**
 * The tasklist's event stream works out a user's fingerprint only when the `Task` table
 * version moved, so every write to a task or its candidates must move it, whoever writes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tasksVersion } from '../../engine/api/task-events.service';
import type { Db } from '../../engine/db/client';
import { createTestDb, type TestDb } from '../support/db';

describe('table versions', () => {
  let test: TestDb;
  let db: Db;
  beforeEach(async () => {
    test = await createTestDb();
    db = test.db;
    await db.instance.create({ data: { id: 'i1', definitionId: 'd1', processKey: 'capa', version: 1, status: 'active' } });
  });
  afterEach(async () => test.cleanup());

  it('move the Task version on every write to a task or a candidate, and only then', async () => {
    const versions = [await tasksVersion(db)];
    const step = async (write: () => Promise<unknown>) => {
      await write();
      versions.push(await tasksVersion(db));
    };
    // when
    await step(() => db.task.create({ data: { id: 't1', instanceId: 'i1', definitionId: 'd1', processKey: 'capa', elementId: 'A', elementInstanceId: 'e1', name: 'Review' } }));
    await step(() => db.taskCandidate.create({ data: { taskId: 't1', kind: 'group', value: 'quality' } }));
    await step(() => db.task.update({ where: { id: 't1' }, data: { assignee: 'alice' } }));
    await step(() => db.task.createMany({ data: [2, 3].map((n) => ({ id: `t${n}`, instanceId: 'i1', definitionId: 'd1', processKey: 'capa', elementId: 'A', elementInstanceId: `e${n}`, name: 'Review' })) }));
    await step(() => db.taskCandidate.deleteMany({ where: { taskId: 't1' } }));
    await step(() => db.task.delete({ where: { id: 't2' } }));
    const beforeUnrelated = await tasksVersion(db);
    await db.instance.update({ where: { id: 'i1' }, data: { status: 'completed' } });
    // then each write moved it
    for (let i = 1; i < versions.length; i++) expect(versions[i], `write ${i}`).toBeGreaterThan(versions[i - 1]);
    expect(await tasksVersion(db), 'an instance write is not a task write').toBe(beforeUnrelated);
  });
});

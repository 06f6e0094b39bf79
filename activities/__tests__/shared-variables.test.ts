import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/db';
import type { Variables } from '../../workflows/contract';
import { createActivities } from '../index';
import type { QualflowActivities, RunServiceTaskInput } from '../types';

describe('shared variables of a multi-instance body', () => {
  let testDb: TestDb;
  let activities: QualflowActivities;
  let seen: Variables[];
  const records = [{ id: 1 }, { id: 2 }, { id: 3 }];

  function job(variables: Variables, sharedVariables: RunServiceTaskInput['sharedVariables']): RunServiceTaskInput {
    return { instanceId: 'instance-1', processKey: 'audit', elementId: 'check', elementInstanceId: 'ei-1', taskType: 'look', headers: {}, variables, sharedVariables };
  }

  beforeAll(async () => {
    testDb = await createTestDb();
    seen = [];
    activities = createActivities({
      db: testDb.db,
      handlers: {
        look: async ({ variables }) => {
          seen.push(variables);
          return { count: (variables.records as unknown[]).length };
        },
      },
    });
  });
  afterAll(async () => {
    await testDb.cleanup();
  });

  it('gives the handler the stored variables next to those the job carries, the carried ones winning', async () => {
    // given: the row written twice, as a retried activity would
    const stored = { id: 'body-1:a', instanceId: 'instance-1', bodyId: 'body-1', variables: { records, site: 'stored' } };
    await activities.storeSharedVariables(stored);
    await activities.storeSharedVariables(stored);

    // when
    const result = await activities.runServiceTask(job({ item: records[1], site: 'carried' }, [{ id: 'body-1:a', names: ['records', 'site'] }]));

    // then
    expect(result.variables).toEqual({ count: 3 });
    expect(JSON.parse(JSON.stringify(seen.at(-1)))).toEqual({ item: { id: 2 }, site: 'carried', records });
    expect(await testDb.db.sharedVariables.count({ where: { bodyId: 'body-1' } })).toBe(1);
  });

  it('gives each handler call its own copy, so one handler changing it does not change the next one', async () => {
    // given
    await activities.storeSharedVariables({ id: 'body-2:a', instanceId: 'instance-1', bodyId: 'body-2', variables: { records } });
    const ref = [{ id: 'body-2:a', names: ['records'] }];
    await activities.runServiceTask(job({}, ref));
    (seen.at(-1)!.records as unknown[]).push({ id: 99 });

    // when
    const result = await activities.runServiceTask(job({}, ref));

    // then
    expect(result.variables).toEqual({ count: 3 });
  });

  it('fails without retry once the body ended and deleted its rows', async () => {
    // given
    await activities.storeSharedVariables({ id: 'body-3:a', instanceId: 'instance-1', bodyId: 'body-3', variables: { records } });
    await activities.releaseSharedVariables({ bodyId: 'body-3' });
    await activities.releaseSharedVariables({ bodyId: 'body-3' });

    // when
    const running = activities.runServiceTask(job({}, [{ id: 'body-3:a', names: ['records'] }]));

    // then
    await expect(running).rejects.toBeInstanceOf(ApplicationFailure);
    await expect(running).rejects.toMatchObject({ nonRetryable: true, type: 'SharedVariablesGone' });
    expect(await testDb.db.sharedVariables.count({ where: { bodyId: 'body-3' } })).toBe(0);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/support/db';
import { createActivities } from '../index';
import type { QualflowActivities } from '../types';

describe('resolveProcess', () => {
  let testDb: TestDb;
  let activities: QualflowActivities;

  async function definition(key: string, version: number, row: { id?: string; versionTag?: string; deploymentId?: string } = {}): Promise<void> {
    await testDb.db.definition.create({
      data: {
        id: row.id ?? randomUUID(),
        key,
        version,
        name: key,
        xml: '<xml />',
        model: JSON.stringify({ id: key, name: `${key} v${version}`, startEventId: 'start', elements: {}, flows: {} }),
        hash: randomUUID(),
        versionTag: row.versionTag ?? null,
        deploymentId: row.deploymentId ?? null,
      },
    });
  }

  beforeAll(async () => {
    testDb = await createTestDb();
    activities = createActivities({ db: testDb.db });
    await definition('caller', 1, { id: 'caller-deployed', deploymentId: 'deployment-1' });
    await definition('caller', 2, { id: 'caller-legacy' });
    await definition('containment', 1, { versionTag: 'v1', deploymentId: 'deployment-1' });
    await definition('containment', 2, { versionTag: 'v1', deploymentId: 'deployment-2' });
    await definition('containment', 3, { deploymentId: 'deployment-3' });
  });
  afterAll(async () => {
    await testDb?.cleanup();
  });

  it('finds the latest version', async () => {
    // when
    const found = await activities.resolveProcess({ processId: 'containment', binding: { type: 'latest' }, definitionId: 'caller-deployed' });

    // then
    expect(found).toMatchObject({ processKey: 'containment', version: 3, model: { name: 'containment v3' } });
    expect(found?.note).toBeUndefined();
  });

  it('finds the latest version with the version tag', async () => {
    // when
    const found = await activities.resolveProcess({ processId: 'containment', binding: { type: 'versionTag', versionTag: 'v1' }, definitionId: 'caller-deployed' });

    // then
    expect(found).toMatchObject({ version: 2 });
  });

  it('finds the version deployed together with the caller', async () => {
    // when
    const found = await activities.resolveProcess({ processId: 'containment', binding: { type: 'deployment' }, definitionId: 'caller-deployed' });

    // then
    expect(found).toMatchObject({ version: 1 });
  });

  it('falls back to the latest version, and says so, when the caller has no recorded deployment', async () => {
    // when
    const found = await activities.resolveProcess({ processId: 'containment', binding: { type: 'deployment' }, definitionId: 'caller-legacy' });

    // then
    expect(found).toMatchObject({ version: 3 });
    expect(found?.note).toContain('has no recorded deployment');
  });

  it('answers null when nothing matches', async () => {
    // when
    const results = await Promise.all([
      activities.resolveProcess({ processId: 'unknown', binding: { type: 'latest' }, definitionId: 'caller-deployed' }),
      activities.resolveProcess({ processId: 'containment', binding: { type: 'versionTag', versionTag: 'v9' }, definitionId: 'caller-deployed' }),
      activities.resolveProcess({ processId: 'unknown', binding: { type: 'deployment' }, definitionId: 'caller-deployed' }),
    ]);

    // then
    expect(results).toEqual([null, null, null]);
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployDecisions } from '../../engine/api/decision.service';
import { deployDefinition } from '../../engine/api/definition.service';
import { createTestDb, type TestDb } from '../../test/support/db';
import { createActivities } from '../index';
import type { QualflowActivities } from '../types';

const dmn = readFileSync(new URL('../../test/fixtures/dmn/review-level.dmn', import.meta.url), 'utf8');
const bpmn = readFileSync(new URL('../../test/fixtures/dmn/review-routing.bpmn', import.meta.url), 'utf8');

/** The fixture with another peer label and version tag: a new version of both decisions. */
const revision = (label: string, tag: string) => dmn.replace('"peer"', `"${label}"`).replace('value="v1"', `value="${tag}"`);

describe('findDecision', () => {
  let testDb: TestDb;
  let activities: QualflowActivities;
  let callerId: string;

  beforeAll(async () => {
    testDb = await createTestDb();
    activities = createActivities({ db: testDb.db });
    // version 1 (tag v1) is deployed together with the process; versions 2 (v2) and 3 (v1 again) later
    const deploymentId = 'deployment-with-process';
    const caller = await deployDefinition(testDb.db, bpmn, 'owner', { deploymentId });
    if (!caller.ok) throw new Error('the fixture process does not compile');
    callerId = caller.definition.id;
    await deployDecisions(testDb.db, dmn, 'owner', { deploymentId });
    await deployDecisions(testDb.db, revision('colleague', 'v2'), 'owner');
    await deployDecisions(testDb.db, revision('teammate', 'v1'), 'owner');
  });
  afterAll(async () => {
    await testDb?.cleanup();
  });

  it('finds the latest version, with the required decisions inlined in its model', async () => {
    // when
    const found = await activities.findDecision({ decisionId: 'reviewLevel', binding: { type: 'latest' }, definitionId: callerId });
    // then
    expect(found).toMatchObject({ decisionId: 'reviewLevel', version: 3 });
    expect(found?.decision.required.map((d) => d.id)).toEqual(['riskScore']);
  });

  it('finds the version deployed together with the calling process', async () => {
    // when
    const found = await activities.findDecision({ decisionId: 'reviewLevel', binding: { type: 'deployment' }, definitionId: callerId });
    // then
    expect(found?.version).toBe(1);
    expect((await testDb.db.definition.findUniqueOrThrow({ where: { id: callerId } })).deploymentId).toBe('deployment-with-process');
  });

  it('finds the highest version carrying the version tag', async () => {
    // when
    const v1 = await activities.findDecision({ decisionId: 'reviewLevel', binding: { type: 'versionTag', versionTag: 'v1' }, definitionId: callerId });
    const v2 = await activities.findDecision({ decisionId: 'reviewLevel', binding: { type: 'versionTag', versionTag: 'v2' }, definitionId: callerId });
    // then
    expect(v1?.version).toBe(3);
    expect(v2?.version).toBe(2);
  });

  it('answers null for an unknown decision, an unknown tag, and a deployment without it', async () => {
    expect(await activities.findDecision({ decisionId: 'nothing', binding: { type: 'latest' }, definitionId: callerId })).toBeNull();
    expect(await activities.findDecision({ decisionId: 'reviewLevel', binding: { type: 'versionTag', versionTag: 'v9' }, definitionId: callerId })).toBeNull();
    expect(await activities.findDecision({ decisionId: 'reviewLevel', binding: { type: 'deployment' }, definitionId: 'unknown-definition' })).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelBuilder } from './builders';
import { createHarness, eventually, type Harness } from './harness';

describe('script task', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('stores the FEEL result in its result variable, and with output mappings only the mapped variables leave the task', async () => {
    // given
    const model = new ModelBuilder('score-risk')
      .start('start')
      .scriptTask('score', {
        expression: 'severity * occurrence * detection',
        resultVariable: 'rpn',
        outputs: [{ source: '=rpn >= 100', target: 'risk.high' }],
      })
      .end('end')
      .chain('start', 'score', 'end')
      .build();

    // when
    const result = await (await harness.start(model, { severity: 5, occurrence: 4, detection: 6 })).result();

    // then
    expect(result.variables).toEqual({ severity: 5, occurrence: 4, detection: 6, risk: { high: true } });
    expect(result.path).toEqual(['start', 'score', 'end']);
  });

  it('raises an incident on the script task when its expression is not valid FEEL', async () => {
    // given
    const model = new ModelBuilder('broken-script')
      .start('start')
      .scriptTask('calc', { expression: '1 +', resultVariable: 'x' })
      .end('end')
      .chain('start', 'calc', 'end')
      .build();

    // when
    const handle = await harness.start(model);
    const incident = await eventually(() => harness.db.incident.findFirst({ where: { instanceId: handle.workflowId } }), 15_000, 'an incident');
    await handle.cancel();
    const result = await handle.result();

    // then
    expect(incident).toMatchObject({ elementId: 'calc', state: 'open' });
    expect(incident.message).toContain('"1 +" is not valid FEEL');
    expect(result.status).toBe('canceled');
    expect(await harness.db.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({ state: 'resolved' });
  });
});

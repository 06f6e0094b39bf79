import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ElementKind, FlowElement, ProcessModel } from '../../../workflows/model';
import { compile } from '../index';

/**
 * Compile coverage: the fixtures in `fixtures/coverage` together use every element kind
 * and every Zeebe extension element and attribute the compiler reads; the diagrams in
 * `fixtures/coverage/broken` are each broken on purpose.
 */
const COVERAGE = join(import.meta.dirname, 'fixtures', 'coverage');
const BROKEN = join(COVERAGE, 'broken');

async function compileFixture(name: string): Promise<ProcessModel> {
  const result = await compile(readFileSync(join(COVERAGE, name), 'utf8'));
  expect(result.errors).toEqual([]);
  expect(result.warnings).toEqual([]);
  return result.model!;
}

function element<K extends ElementKind>(model: ProcessModel, id: string, kind: K): Extract<FlowElement, { kind: K }> {
  const found = model.elements[id];
  expect(found?.kind).toBe(kind);
  return found as Extract<FlowElement, { kind: K }>;
}

describe('compile coverage of tasks and their Zeebe extensions', () => {
  it('reads the version tag, ignores properties, and builds every task kind', async () => {
    // when
    const model = await compileFixture('tasks.bpmn');

    // then
    expect(model.versionTag).toBe('v2.1');
    expect(model.startEventId).toBe('Start');
    const kinds = new Set(Object.values(model.elements).map((each) => each.kind));
    expect([...kinds].sort()).toEqual([
      'businessRuleTask', 'callActivity', 'endEvent', 'manualTask', 'receiveTask', 'scriptTask',
      'sendTask', 'serviceTask', 'startEvent', 'task', 'userTask',
    ]);
  });

  it('reads a user task with assignment, schedule, priority, embedded form, headers, mappings and a multi-instance marker', async () => {
    // when
    const review = element(await compileFixture('tasks.bpmn'), 'Review', 'userTask');

    // then
    expect(review).toMatchObject({
      assignee: '=owner',
      candidateGroups: 'qa, regulatory',
      candidateUsers: '=reviewers',
      dueDate: 'P5D',
      followUpDate: '=now() + duration("P2D")',
      priority: '70',
      form: { schema: { components: [{ type: 'textfield', key: 'comment' }] } },
      headers: { checklist: 'capa-v2' },
      inputs: [{ source: '=capa.title', target: 'title' }],
      outputs: [{ source: '=comment', target: 'reviewComment' }],
      multiInstance: {
        sequential: false,
        inputCollection: '=reviewers',
        inputElement: 'reviewer',
        outputCollection: 'verdicts',
        outputElement: '=approved',
        completionCondition: 'count(verdicts[item = true]) >= 2',
      },
    });
  });

  it('reads the job, script, decision, message and call settings of the other tasks', async () => {
    // when
    const model = await compileFixture('tasks.bpmn');

    // then
    expect(element(model, 'Sign', 'userTask').form).toEqual({ formId: 'signoff-form' });
    expect(element(model, 'Capture', 'userTask').form).toEqual({ externalReference: '="/evidence/" + capaId' });
    expect(element(model, 'Notify', 'serviceTask')).toMatchObject({ taskType: 'qualflow:notify', retries: 5, headers: { template: 'capa-opened', to: '=owner' } });
    expect(element(model, 'Score', 'scriptTask')).toMatchObject({ expression: 'severity * occurrence', resultVariable: 'rpn' });
    expect(element(model, 'ScoreJob', 'scriptTask').job).toEqual({ taskType: 'risk-scorer', retries: 3 });
    expect(element(model, 'Classify', 'businessRuleTask').decision).toEqual({
      decisionId: 'risk-class', resultVariable: 'riskClass', binding: { type: 'versionTag', versionTag: '2026' },
    });
    expect(element(model, 'AskSupplier', 'sendTask').job).toEqual({ taskType: 'qualflow:publish-message', retries: 3 });
    expect(element(model, 'AwaitReply', 'receiveTask').message).toEqual({ type: 'message', messageName: 'supplier-reply', correlationKey: '=scarId' });
    expect(element(model, 'PerSite', 'callActivity')).toMatchObject({
      processId: 'site-verification',
      binding: { type: 'deployment' },
      propagateAllParentVariables: true,
      propagateAllChildVariables: false,
      outputs: [{ source: '=siteResult', target: 'siteResult' }],
      multiInstance: { sequential: true, inputCollection: '=sites', inputElement: 'site' },
    });
  });
});

describe('compile coverage of events and gateways', () => {
  it('reads every start event kind; the none start is where API starts begin', async () => {
    // when
    const model = await compileFixture('events.bpmn');

    // then
    expect(model.startEventId).toBe('Start');
    expect(element(model, 'Start', 'startEvent').trigger).toBeUndefined();
    expect(element(model, 'StartTimer', 'startEvent').trigger).toEqual({ type: 'timer', timer: { cycle: '0 0 9 * * MON' } });
    expect(element(model, 'StartMessage', 'startEvent').trigger).toEqual({ type: 'message', messageName: 'complaint-received' });
    expect(element(model, 'StartSignal', 'startEvent').trigger).toEqual({ type: 'signal', signalName: 'product-recall' });
  });

  it('reads every boundary event kind with its host and interrupting flag, and links the compensation handler', async () => {
    // when
    const model = await compileFixture('events.bpmn');

    // then
    const boundary = (id: string) => element(model, id, 'boundaryEvent');
    expect(boundary('Deadline')).toMatchObject({ attachedTo: 'Approve', cancelActivity: true, trigger: { type: 'timer', timer: { date: '2026-12-31T17:00:00Z' } } });
    expect(boundary('Reminder')).toMatchObject({ cancelActivity: false, trigger: { type: 'timer', timer: { cycle: 'R3/PT24H' } } });
    expect(boundary('Withdrawn').trigger).toEqual({ type: 'message', messageName: '="withdrawn-" + docType', correlationKey: '=documentId' });
    expect(boundary('RecallSeen')).toMatchObject({ cancelActivity: false, trigger: { type: 'signal', signalName: 'product-recall' } });
    expect(boundary('PublishFailed').trigger).toEqual({ type: 'error', errorCode: 'DOC_WITHDRAWN' });
    expect(boundary('AnyError').trigger).toEqual({ type: 'error' });
    expect(boundary('TooLate')).toMatchObject({ attachedTo: 'Translate', cancelActivity: false, trigger: { type: 'escalation', escalationCode: 'LATE' } });
    expect(boundary('UndoPublish').trigger).toEqual({ type: 'compensation', waitForCompletion: true });
    expect(element(model, 'Approve', 'userTask').boundaryEvents).toEqual(['Deadline', 'Reminder', 'Withdrawn', 'RecallSeen']);
    expect(element(model, 'Publish', 'serviceTask').compensationHandler).toBe('Unpublish');
    expect(element(model, 'Unpublish', 'serviceTask').forCompensation).toBe(true);
  });

  it('reads intermediate catch and throw events, including message throws as jobs and links', async () => {
    // when
    const model = await compileFixture('events.bpmn');

    // then
    const trigger = (id: string) => (model.elements[id] as { trigger?: unknown }).trigger;
    expect(trigger('Wait')).toEqual({ type: 'timer', timer: { duration: 'PT2H' } });
    expect(trigger('WaitDate')).toEqual({ type: 'timer', timer: { date: '=effectiveDate' } });
    expect(trigger('Ack')).toEqual({ type: 'message', messageName: 'acknowledged', correlationKey: '=documentId' });
    expect(trigger('AuditDone')).toEqual({ type: 'signal', signalName: '="audit-done-" + site' });
    expect(trigger('Passed')).toEqual({ type: 'none' });
    expect(trigger('Broadcast')).toEqual({ type: 'signal', signalName: 'product-recall' });
    expect(trigger('Escalate')).toEqual({ type: 'escalation', escalationCode: 'LATE' });
    expect(trigger('Compensate')).toEqual({ type: 'compensation', activityRef: 'Publish', waitForCompletion: true });
    expect(trigger('GoTo')).toEqual({ type: 'link', linkName: 'archive' });
    expect(trigger('Archive')).toEqual({ type: 'link', linkName: 'archive' });
    expect(element(model, 'Notice', 'intermediateThrowEvent')).toMatchObject({
      trigger: { type: 'message', messageName: 'recall-notice' },
      job: { taskType: 'qualflow:publish-message', retries: 2 },
      headers: { channel: 'mail' },
    });
  });

  it('reads every end event kind', async () => {
    // when
    const model = await compileFixture('events.bpmn');

    // then
    const end = (id: string) => element(model, id, 'endEvent');
    expect(end('End')).toMatchObject({ terminate: false });
    expect(end('End').trigger).toBeUndefined();
    expect(end('EndTerminate')).toMatchObject({ terminate: true, trigger: { type: 'terminate' } });
    expect(end('EndError').trigger).toEqual({ type: 'error', errorCode: '=failureCode' });
    expect(end('EndEscalation').trigger).toEqual({ type: 'escalation', escalationCode: 'LATE' });
    expect(end('EndSignal').trigger).toEqual({ type: 'signal', signalName: '="audit-done-" + site' });
    expect(end('EndMessage')).toMatchObject({ trigger: { type: 'message', messageName: 'recall-notice' }, job: { taskType: 'qualflow:publish-message', retries: 3 } });
    expect(end('EndCompensate').trigger).toEqual({ type: 'compensation', waitForCompletion: true });
  });

  it('builds every gateway kind, with conditions on inclusive gateway flows', async () => {
    // when
    const model = await compileFixture('events.bpmn');

    // then
    expect(element(model, 'Merge', 'exclusiveGateway').incoming).toHaveLength(4);
    expect(element(model, 'Fork', 'parallelGateway').outgoing).toHaveLength(3);
    expect(element(model, 'Race', 'eventBasedGateway').outgoing).toEqual(['F_rc1', 'F_rc2']);
    expect(element(model, 'Choose', 'inclusiveGateway').defaultFlow).toBe('F_none');
    expect(model.flows.F_cond.condition).toBe('notifyAll');
  });
});

describe('compile coverage of sub-processes and event sub-processes', () => {
  it('puts nested elements in the model with their parent and reads the sub-process settings', async () => {
    // when
    const model = await compileFixture('scopes.bpmn');

    // then
    expect(element(model, 'PerFinding', 'subProcess')).toMatchObject({
      startEventId: 'FindingStart',
      eventSubProcesses: ['FindingOverdue'],
      inputs: [{ source: '=finding.id', target: 'findingId' }],
      outputs: [{ source: '=closed', target: 'lastClosed' }],
      headers: { area: 'audit' },
      boundaryEvents: ['Critical'],
      multiInstance: {
        sequential: false, inputCollection: '=findings', inputElement: 'finding', outputCollection: 'results',
        outputElement: '={id: findingId, closed: closed}', completionCondition: 'numberOfCompletedInstances >= 3',
      },
    });
    expect(element(model, 'Assess', 'scriptTask')).toMatchObject({ parent: 'PerFinding', incoming: ['PF1'], outgoing: ['PF2'] });
    expect(element(model, 'FindingOverdueStart', 'startEvent')).toMatchObject({
      parent: 'FindingOverdue', interrupting: false, trigger: { type: 'escalation', escalationCode: 'OVERDUE' },
    });
    expect(model.flows.PF1).toEqual({ id: 'PF1', sourceRef: 'FindingStart', targetRef: 'Assess' });
    expect(element(model, 'Start', 'startEvent').parent).toBeUndefined();
  });

  it('lists the process-level event sub-processes with their starts, interrupting or not', async () => {
    // when
    const model = await compileFixture('scopes.bpmn');

    // then
    expect(model.eventSubProcesses).toEqual(['OnTimeout', 'OnUpdate', 'OnHalt', 'OnError']);
    expect(element(model, 'OnTimeout', 'eventSubProcess')).toMatchObject({ startEventId: 'OnTimeoutStart', incoming: [], outgoing: [] });
    expect(element(model, 'OnTimeoutStart', 'startEvent')).toMatchObject({ interrupting: true, trigger: { type: 'timer', timer: { duration: 'P30D' } } });
    expect(element(model, 'OnUpdateStart', 'startEvent')).toMatchObject({
      interrupting: false, trigger: { type: 'message', messageName: 'status-update', correlationKey: '=auditId' },
    });
    expect(element(model, 'OnHaltStart', 'startEvent').trigger).toEqual({ type: 'signal', signalName: 'halt-audits' });
    expect(element(model, 'OnErrorStart', 'startEvent').trigger).toEqual({ type: 'error' });
  });
});

describe('deliberately broken diagrams', () => {
  const files = readdirSync(BROKEN).filter((file) => file.endsWith('.bpmn')).sort();

  it('has a folder of them', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s compiles or is rejected with messages naming elements of the diagram', async (file) => {
    // given
    const xml = readFileSync(join(BROKEN, file), 'utf8');
    const ids = new Set([...xml.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]));

    // when
    const result = await compile(xml);

    // then
    for (const diagnostic of [...result.errors, ...result.warnings]) {
      expect(diagnostic.elementId === 'document' || ids.has(diagnostic.elementId), `${diagnostic.elementId}: ${diagnostic.message}`).toBe(true);
      if (diagnostic.elementId !== 'document') expect(diagnostic.message).toContain(diagnostic.elementId);
    }
    expect(result.model === undefined).toBe(result.errors.length > 0);
  });

  it('rejects every broken diagram except the one that only has a message start', async () => {
    // when
    const results = await Promise.all(files.map(async (file) => [file, await compile(readFileSync(join(BROKEN, file), 'utf8'))] as const));

    // then
    const compiled = results.filter(([, result]) => result.model).map(([file, result]) => [file, result.model!.startEventId]);
    expect(compiled).toEqual([['only-message-start.bpmn', '']]);
  });
});

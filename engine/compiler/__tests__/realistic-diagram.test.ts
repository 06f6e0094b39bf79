import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../index';

const documentApproval = readFileSync(new URL('./fixtures/document-approval.bpmn', import.meta.url), 'utf8');

describe('a diagram saved by Camunda Modeler', () => {
  it('compiles a pool with lanes, layout, forms, a review loop and a reminder without any diagnostic', async () => {
    // when
    const { model, errors, warnings } = await compile(documentApproval);

    // then
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(model).toMatchObject({ id: 'document-approval', name: 'Document approval', startEventId: 'StartEvent_Submitted' });
    expect(Object.keys(model!.elements).sort()).toEqual([
      'Activity_Approve', 'Activity_CheckFormat', 'Activity_NotifyRelease', 'Activity_RemindApprover', 'Activity_ReviewQuality',
      'Activity_ReviewTechnical', 'Activity_Rework', 'Activity_SetEffectiveDate', 'EndEvent_Released', 'EndEvent_Reminded',
      'Event_ApprovalOverdue', 'Gateway_Approved', 'Gateway_ReviewsDone', 'Gateway_SendToReviewers', 'StartEvent_Submitted',
    ]);
    expect(Object.keys(model!.flows)).toHaveLength(15);
  });

  it('keeps what each step needs at run time', async () => {
    // when
    const { model } = await compile(documentApproval);

    // then
    const { elements, flows } = model!;
    expect(elements.Activity_CheckFormat).toMatchObject({
      kind: 'userTask', name: 'Check format and numbering', candidateGroups: 'document-control', dueDate: 'P2D',
      incoming: ['Flow_Submitted', 'Flow_Reworked'],
      form: { schema: { id: 'Form_format_check', components: expect.arrayContaining([expect.objectContaining({ key: 'documentNumber' })]) } },
    });
    expect(elements.Activity_Approve).toMatchObject({
      assignee: '=approver', candidateGroups: 'management', priority: '80', form: { formId: 'document-approval-decision' },
      inputs: [{ source: '=[qualityComment, technicalComment]', target: 'reviewComments' }],
      outputs: [{ source: '=approved', target: 'approved' }],
      boundaryEvents: ['Event_ApprovalOverdue'],
    });
    expect(elements.Event_ApprovalOverdue).toMatchObject({ attachedTo: 'Activity_Approve', cancelActivity: false, timer: { duration: 'P3D' } });
    expect(elements.Gateway_SendToReviewers).toMatchObject({ kind: 'parallelGateway', outgoing: ['Flow_ToQuality', 'Flow_ToTechnical'] });
    expect(elements.Gateway_Approved).toMatchObject({ kind: 'exclusiveGateway', defaultFlow: 'Flow_ReturnForRework' });
    expect(flows.Flow_Approved).toMatchObject({ name: 'Yes', condition: 'approved = true' });
    expect(elements.Activity_SetEffectiveDate).toMatchObject({ expression: 'today() + duration("P14D")', resultVariable: 'effectiveDate' });
    expect(elements.Activity_NotifyRelease).toMatchObject({ taskType: 'qualflow:notify', retries: 5, headers: { to: '=author', subject: 'Document released' } });
    expect(elements.EndEvent_Released).toMatchObject({ name: 'Document released', terminate: false });
  });
});

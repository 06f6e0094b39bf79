/**
 * What a person submits at each step of the QMS templates, for scenario tests: each
 * entry names the user task (element id), its form and valid variables for one outcome.
 * templates.forms.test.ts proves every entry passes its form's validation.
 */
import type { Variables } from '../../workflows/contract';

export interface SampleInput {
  elementId: string;
  formId: string;
  variables: Variables;
}

const sample = (elementId: string, formId: string, variables: Variables): SampleInput => ({ elementId, formId, variables });

const draft = {
  documentNumber: 'SOP-QA-0012',
  title: 'Calibration of measuring equipment',
  revision: 'B',
  documentType: 'sop',
  changeReason: 'New torque gauges need a calibration interval',
  draftLocation: 'dms://SOP-QA-0012/B/draft.docx',
  technicalReviewer: 'bob',
};

export const documentApproval = {
  prepareDraft: sample('Task_PrepareDraft', 'document-draft', draft),
  formatAccepted: sample('Task_FormatCheck', 'document-format-check', { formatCheckDecision: 'accept', formatCheckComments: '' }),
  formatReturned: sample('Task_FormatCheck', 'document-format-check', { formatCheckDecision: 'return', formatCheckComments: 'Use template F-QA-001' }),
  qualityApproves: sample('Task_QualityReview', 'document-quality-review', { qualityReviewDecision: 'approve', qualityReviewComments: '' }),
  qualityRequestsChanges: sample('Task_QualityReview', 'document-quality-review', {
    qualityReviewDecision: 'changes',
    qualityReviewComments: 'Add the record retention period',
  }),
  technicalApproves: sample('Task_TechnicalReview', 'document-technical-review', { technicalReviewDecision: 'approve', technicalReviewComments: '' }),
  technicalRequestsChanges: sample('Task_TechnicalReview', 'document-technical-review', {
    technicalReviewDecision: 'changes',
    technicalReviewComments: 'Interval must be 6 months',
  }),
  approved: sample('Task_Approve', 'document-approval-decision', { approvalDecision: 'approve', approvalComments: 'Approved' }),
  returnedForRework: sample('Task_Approve', 'document-approval-decision', { approvalDecision: 'rework', approvalComments: 'Clarify scope' }),
};

export const capa = {
  initiate: sample('Task_InitiateCapa', 'capa-initiate', {
    source: 'complaint',
    sourceReference: 'CC-2025-041',
    title: 'Loose fastener on pump housing',
    description: 'Customer found a loose M6 fastener on delivery',
    productOrProcess: 'Pump P-200 final assembly',
  }),
  capaNeeded: sample('Task_Triage', 'capa-triage', {
    capaNeeded: 'yes',
    triageRationale: 'Safety-relevant and recurring',
    severity: 5,
    occurrence: 4,
    detection: 3,
    capaOwner: 'alice',
  }),
  noCapaNeeded: sample('Task_Triage', 'capa-triage', { capaNeeded: 'no', triageRationale: 'One-off; corrected on site' }),
  containment: sample('Task_Containment', 'capa-containment', { containmentActions: 'Stock of 40 pumps re-torqued', productQuarantined: true }),
  rootCause: sample('Task_RootCause', 'capa-root-cause', { rootCauseMethod: 'five-whys', rootCause: 'Torque tool not calibrated' }),
  actionPlan: sample('Task_ActionPlan', 'capa-action-plan', {
    correctiveActions: 'Calibrate torque tools — alice — 2025-07-01',
    preventiveActions: 'Add torque tools to the calibration register — bob — 2025-07-15',
    plannedCompletionDate: '2025-07-15',
  }),
  implementation: sample('Task_Implement', 'capa-implementation', {
    implementationSummary: 'Tools calibrated, register updated',
    implementationEvidence: 'CAL-2025-113',
  }),
  effective: sample('Task_EffectivenessCheck', 'capa-effectiveness', { effective: 'yes', effectivenessEvidence: 'No recurrence in 60 days' }),
  notEffective: sample('Task_EffectivenessCheck', 'capa-effectiveness', { effective: 'no', effectivenessEvidence: 'Two more loose fasteners in May' }),
  closureApproved: sample('Task_ApproveClosure', 'capa-closure', { closureDecision: 'approve', closureComments: '' }),
  closureReopened: sample('Task_ApproveClosure', 'capa-closure', { closureDecision: 'reopen', closureComments: 'Evidence too thin' }),
};

export const managementReview = {
  schedule: sample('Task_Schedule', 'management-review-schedule', {
    reviewPeriod: '2025 H1',
    meetingDate: '2025-07-10',
    attendees: 'Managing director, quality manager, operations',
    previousActionsStatus: '4 of 5 actions closed',
  }),
  objectives: sample('Task_InputObjectives', 'management-review-objectives', { objectivesStatus: 'at-risk', objectivesSummary: 'On-time delivery 93% (target 95%)' }),
  audits: sample('Task_InputAudits', 'management-review-audits', { auditsCompleted: 6, openAuditFindings: 2, auditSummary: 'No major findings' }),
  capa: sample('Task_InputCapa', 'management-review-capa', { openCapas: 5, overdueCapas: 1, capaSummary: 'Fastener CAPA closed effective' }),
  customers: sample('Task_InputCustomers', 'management-review-customers', {
    complaintsReceived: 12,
    customerSatisfaction: 87,
    customerFeedbackSummary: 'Delivery times criticised',
  }),
  suppliers: sample('Task_InputSuppliers', 'management-review-suppliers', { suppliersOnWatch: 1, supplierSummary: 'Castings supplier late twice' }),
  risks: sample('Task_InputRisks', 'management-review-risks', { risksSummary: 'Single-source castings', opportunitiesSummary: 'Second source' }),
  meeting: sample('Task_HoldMeeting', 'management-review-meeting', {
    attendeesPresent: 'Maria Manager, Alice Anders',
    meetingMinutes: 'Inputs reviewed; delivery objective at risk',
    qmsConclusion: 'improvement-needed',
  }),
  outputs: sample('Task_RecordOutputs', 'management-review-outputs', {
    improvementOpportunities: 'Qualify a second castings supplier',
    qmsChanges: 'None',
    resourceNeeds: 'One buyer for 3 months',
    actionItems: 'Qualify second supplier — manager — 2025-10-01',
    nextReviewDate: '2026-01-15',
  }),
};

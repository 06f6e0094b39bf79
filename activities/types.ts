/**
 * The side effects the interpreter may ask for. Every one is idempotent: Temporal may
 * run an activity more than once, so each write is keyed by ids the workflow chose.
 */
import type { InstanceStatus, Variables } from '../workflows/contract';
import type { FormLink } from '../workflows/model';

export interface OpenTaskInput {
  taskId: string;
  instanceId: string;
  processKey: string;
  definitionId: string;
  elementId: string;
  elementInstanceId: string;
  name: string;
  assignee?: string;
  candidateGroups: string[];
  candidateUsers: string[];
  /** ISO date-time. */
  dueAt?: string;
  followUpAt?: string;
  priority: number;
  form?: FormLink;
  /** The variables the task may show (after input mappings). */
  variables: Variables;
  /** An audit entry written in the same transaction (saves a round trip). */
  audit?: AuditInput;
}

export interface CloseTaskInput {
  taskId: string;
  state: 'completed' | 'canceled';
  /** Username; absent when the process closed it (boundary timer, cancel, terminate). */
  closedBy?: string;
  reason?: string;
  variables?: Variables;
  /** An audit entry written in the same transaction (saves a round trip). */
  audit?: AuditInput;
}

export interface InstanceStateInput {
  instanceId: string;
  status: InstanceStatus;
  variables: Variables;
  path: string[];
  /** Set when the instance reached an end state. */
  ended?: boolean;
  /** The instance's identity, so the row can be created when the API crashed before writing it. */
  definitionId?: string;
  processKey?: string;
  version?: number;
  businessKey?: string;
  startedBy?: string;
  /** An audit entry written in the same transaction (saves a round trip). */
  audit?: AuditInput;
}

export interface RaiseIncidentInput {
  incidentId: string;
  instanceId: string;
  elementId: string;
  elementInstanceId: string;
  message: string;
  /** An audit entry written in the same transaction (saves a round trip). */
  audit?: AuditInput;
}

export interface ResolveIncidentInput {
  incidentId: string;
  resolvedBy?: string;
  /** An audit entry written in the same transaction (saves a round trip). */
  audit?: AuditInput;
}

export interface RunServiceTaskInput {
  instanceId: string;
  processKey: string;
  elementId: string;
  /** Deterministic id of this element run, for handler idempotency. */
  elementInstanceId: string;
  taskType: string;
  headers: Record<string, string>;
  variables: Variables;
}

export interface RunServiceTaskResult {
  /** Variables the handler returns, merged into the instance (before output mappings). */
  variables: Variables;
}

export interface AuditInput {
  /** Idempotency key chosen by the workflow, e.g. `${instanceId}:${elementInstanceId}:completed`. */
  id: string;
  instanceId?: string;
  taskId?: string;
  actor: string;
  action: string;
  details?: Record<string, unknown>;
}

/** The activity surface, implemented by `createActivities` in activities/index.ts. */
export interface QualflowActivities {
  openTask(input: OpenTaskInput): Promise<void>;
  closeTask(input: CloseTaskInput): Promise<void>;
  recordInstanceState(input: InstanceStateInput): Promise<void>;
  raiseIncident(input: RaiseIncidentInput): Promise<void>;
  resolveIncident(input: ResolveIncidentInput): Promise<void>;
  runServiceTask(input: RunServiceTaskInput): Promise<RunServiceTaskResult>;
  audit(input: AuditInput): Promise<void>;
}

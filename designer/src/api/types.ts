/**
 * Request and response shapes of the Qualflow API (issue 2, section API), as the web app
 * sees them. Dates arrive as ISO 8601 strings.
 */

import type { SignatureRequirement, SignatureView } from '../signatures/api';

export type Role = 'admin' | 'owner' | 'manager' | 'staff';

export type Variables = Record<string, unknown>;

export interface User {
  id: string;
  username: string;
  name: string;
  email?: string;
  roles: Role[];
  groups: string[];
  managerId?: string | null;
  /** False for a user who may no longer sign in (sent by GET /api/users). */
  active?: boolean;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface LoginResponse {
  token: string;
  user: User;
}

export interface Health {
  status: string;
  temporal: string;
  database: string;
}

export interface Diagnostic {
  elementId: string;
  message: string;
}

export interface DefinitionSummary {
  id: string;
  key: string;
  version: number;
  name: string;
  createdAt?: string;
  deployedBy?: string | null;
  /** The process owner: the `qualflow:owner` the version names, else whoever deployed it. */
  owner?: string | null;
}

export type InstanceStatus = 'active' | 'completed' | 'terminated' | 'canceled' | 'incident';

export interface Incident {
  id: string;
  elementId: string;
  elementInstanceId?: string;
  message: string;
  createdAt: string;
  state?: 'open' | 'resolved';
}

export interface InstanceSummary {
  id: string;
  processKey: string;
  version: number;
  businessKey?: string | null;
  status: InstanceStatus;
  startedAt?: string;
  endedAt?: string | null;
  startedBy?: string | null;
}

export interface InstanceDetail extends InstanceSummary {
  variables: Variables;
  activeElements: string[];
  path: string[];
  incidents: Incident[];
}

export interface StartInstanceRequest {
  processKey: string;
  version?: number;
  businessKey?: string;
  variables?: Variables;
}

export type TaskState = 'open' | 'completed' | 'canceled';

export interface TaskSummary {
  id: string;
  instanceId: string;
  processKey: string;
  elementId: string;
  name: string;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  dueAt: string | null;
  followUpAt: string | null;
  priority: number;
  state: TaskState;
  createdAt: string;
  completedAt?: string | null;
  completedBy?: string | null;
}

/** The form of a task: a form-js schema, either resolved by the API or linked. */
export interface TaskFormLink {
  formId?: string;
  schema?: Record<string, unknown>;
  externalReference?: string;
}

export interface TaskDetail extends TaskSummary {
  form?: TaskFormLink | Record<string, unknown> | null;
  variables: Variables;
  /** Set when completing needs an electronic signature (see signatures/SignDialog.tsx). */
  signature?: SignatureRequirement | null;
  /** The signature of the completed task, when it was signed. */
  signatures?: SignatureView[];
}

export interface TaskQuery {
  state?: 'open' | 'completed' | 'canceled' | 'all';
  /** `me` or a username. */
  assignee?: string;
  /** `false`: only unclaimed tasks. */
  assigned?: boolean;
  /** A group name, or `mine` for any of my groups. */
  candidateGroup?: string;
  /** `me` or a username. */
  candidateUser?: string;
  sort?: 'createdAt' | '-createdAt' | 'dueAt' | '-dueAt' | 'priority' | '-priority' | 'name' | '-name';
  page?: number;
  pageSize?: number;
  processKey?: string;
  instanceId?: string;
  overdue?: boolean;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface CompleteTaskRequest {
  variables: Variables;
}

/**
 * Calls of the instance page beyond the instance itself (its timeline, an admin's
 * variables correction) and of a process's heatmap.
 */
import { apiRequest } from '../api/client';
import type { Variables } from '../api/types';

export type TimelineKind = 'task' | 'step' | 'wait' | 'incident' | 'escalation' | 'event';

export interface VariableChange {
  name: string;
  /** Absent when the variable was new. */
  before?: unknown;
  after: unknown;
}

export interface TimelineEntry {
  id: string;
  kind: TimelineKind;
  /** Null for an automatic step: its place in the order is known, its time is not recorded. */
  at: string | null;
  endedAt: string | null;
  durationMs: number | null;
  elementId: string | null;
  elementName: string | null;
  title: string;
  actor: string | null;
  state: string | null;
  taskId: string | null;
  dueAt: string | null;
  overdue: boolean;
  detail: string | null;
  changes?: VariableChange[];
}

export interface InstanceTimeline {
  instanceId: string;
  entries: TimelineEntry[];
  /** Admins only. */
  temporalUrl: string | null;
}

export interface HeatmapElement {
  elementId: string;
  name: string;
  kind: 'task' | 'wait' | 'step';
  finished: number;
  open: number;
  averageMs: number | null;
  p90Ms: number | null;
  maxMs: number | null;
  overdue: number;
  incidents: number;
}

export interface Heatmap {
  processKey: string;
  version: number | null;
  from: string | null;
  to: string | null;
  /** Slowest first. */
  elements: HeatmapElement[];
  slowestElementId: string | null;
}

export const fetchTimeline = (instanceId: string) =>
  apiRequest<InstanceTimeline>(`/api/instances/${encodeURIComponent(instanceId)}/timeline`);

export const editVariables = (instanceId: string, variables: Variables, reason: string) =>
  apiRequest<{ id: string; changed: string[]; variables: Variables }>(`/api/instances/${encodeURIComponent(instanceId)}/variables`, {
    method: 'PATCH',
    body: { variables, reason },
  });

export const fetchHeatmap = (processKey: string, query: { from?: string; version?: number }) =>
  apiRequest<Heatmap>(`/api/definitions/${encodeURIComponent(processKey)}/heatmap`, { query });

/** The deployed versions of a process, newest first. */
export const fetchVersions = async (processKey: string) =>
  (await apiRequest<{ items: { version: number; createdAt?: string }[] }>(`/api/definitions/${encodeURIComponent(processKey)}`)).items;

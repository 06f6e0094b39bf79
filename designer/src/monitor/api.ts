/**
 * Calls of the monitor: the dashboard numbers, the overdue report, and the lists behind
 * the numbers (overdue tasks, reminders and escalations).
 */
import { apiRequest } from '../api/client';
import type { Page, TaskSummary } from '../api/types';

export interface CycleTime {
  completed: number;
  medianMs: number | null;
  p90Ms: number | null;
}

export interface Dashboard {
  asOf: string;
  openByProcess: { processKey: string; open: number; withIncident: number; withOverdueTask: number }[];
  escalations: {
    last7Days: number;
    last30Days: number;
    byProcess: { processKey: string; last7Days: number; last30Days: number }[];
  };
  cycleTimes: {
    since: string;
    byProcess: (CycleTime & { processKey: string })[];
    weekly: (CycleTime & { processKey: string; weekStart: string })[];
  };
}

export interface OverdueItem {
  id: string;
  name: string;
  processKey: string;
  instanceId: string;
  assignee: string | null;
  dueAt: string;
  daysOverdue: number;
  escalationLevel: number;
}

interface OverdueGroup {
  count: number;
  oldest: OverdueItem;
}

export interface OverdueReport {
  asOf: string;
  total: number;
  oldest: OverdueItem | null;
  byProcess: (OverdueGroup & { processKey: string })[];
  byAssignee: (OverdueGroup & { kind: 'assignee' | 'group' | 'unassigned'; name: string | null })[];
  byAgeBand: { band: string; label: string; dueAfter: string | null; dueBefore: string; count: number }[];
}

export interface EscalationEvent {
  id: string;
  taskId: string;
  taskName: string | null;
  instanceId: string;
  processKey: string;
  kind: 'reminder' | 'escalation';
  level: number;
  at: string;
}

export const fetchDashboard = (days: number) => apiRequest<Dashboard>('/api/monitor/dashboard', { query: { days } });

export const fetchOverdueReport = () => apiRequest<OverdueReport>('/api/reports/overdue');

export const fetchEscalations = (filters: Record<string, string>) =>
  apiRequest<{ items: EscalationEvent[]; total: number }>('/api/monitor/escalations', { query: filters });

/** Open overdue tasks matching `filters` (processKey, assignee, candidateGroup, assigned, dueAfter, dueBefore), most overdue first. */
export const fetchOverdueTasks = (filters: Record<string, string>) =>
  apiRequest<Page<TaskSummary>>('/api/tasks', { query: { ...filters, overdue: true, sort: 'dueAt', pageSize: 200 } });

/**
 * Builds an instance's timeline from its read model: tasks, the reminders and escalation
 * levels that fired on them, incidents, message/signal waits, the audit trail, and the
 * path (automatic steps, which have an order but no recorded time). Pure.
 */
import type { z } from 'zod';
import type { TimelineEntry } from './schemas/instance-detail.schemas';
import { describeEscalation, describeEvent, EVENTS_SHOWN_ELSEWHERE } from './instance-detail.words';

type Entry = z.output<typeof TimelineEntry>;

export interface TimelineFacts {
  instance: { startedAt: Date; path: string[] };
  /** Element id → name, from the instance's process model. */
  names: Record<string, string>;
  tasks: {
    id: string;
    elementId: string;
    name: string;
    state: string;
    assignee: string | null;
    createdAt: Date;
    completedAt: Date | null;
    completedBy: string | null;
    dueAt: Date | null;
    closeReason: string | null;
  }[];
  escalations: { id: string; taskId: string; kind: string; level: number; actions: string; at: Date }[];
  incidents: { id: string; elementId: string; message: string; state: string; createdAt: Date; resolvedAt: Date | null; resolvedBy: string | null }[];
  waits: { id: string; kind: string; name: string; elementId: string; state: string; createdAt: Date; closedAt: Date | null }[];
  audit: { id: string; at: Date; actor: string; action: string; taskId: string | null; details: string }[];
}

interface Sorted {
  entry: Entry;
  time: number;
  /** Ties at the same moment: the instance starting first, its end last, steps in path order. */
  rank: number;
}

const BLANK = { at: null, endedAt: null, durationMs: null, elementId: null, elementName: null, actor: null, state: null, taskId: null, dueAt: null, overdue: false, detail: null };

/** Every step and event of the instance, oldest first, at `now` (for what is overdue). */
export function buildTimeline(facts: TimelineFacts, now: Date): Entry[] {
  const nameOf = (elementId: string) => facts.names[elementId] ?? elementId;
  const taskById = new Map(facts.tasks.map((task) => [task.id, task]));
  const sorted: Sorted[] = [];
  const add = (entry: Entry, time: Date, rank = 1) => sorted.push({ entry, time: time.getTime(), rank });

  for (const task of facts.tasks) {
    const end = task.completedAt ?? (task.state === 'open' ? null : task.createdAt);
    add({
      ...BLANK,
      ...span(task.createdAt, task.completedAt),
      id: `task:${task.id}`,
      kind: 'task',
      elementId: task.elementId,
      elementName: task.name,
      title: task.name,
      actor: task.completedBy ?? task.assignee,
      state: task.state,
      taskId: task.id,
      dueAt: task.dueAt?.toISOString() ?? null,
      overdue: task.dueAt !== null && (end ?? now) > task.dueAt,
      detail: task.closeReason,
    }, task.createdAt);
  }
  for (const fired of facts.escalations) {
    const task = taskById.get(fired.taskId);
    add({
      ...BLANK,
      at: fired.at.toISOString(),
      id: `escalation:${fired.id}`,
      kind: 'escalation',
      elementId: task?.elementId ?? null,
      elementName: task?.name ?? null,
      taskId: fired.taskId,
      ...describeEscalation(fired.kind, fired.level, fired.actions),
    }, fired.at);
  }
  for (const incident of facts.incidents) {
    add({
      ...BLANK,
      ...span(incident.createdAt, incident.resolvedAt),
      id: `incident:${incident.id}`,
      kind: 'incident',
      elementId: incident.elementId,
      elementName: nameOf(incident.elementId),
      title: 'Incident',
      actor: incident.resolvedBy,
      state: incident.state,
      detail: incident.message,
    }, incident.createdAt);
  }
  for (const wait of facts.waits) {
    add({
      ...BLANK,
      ...span(wait.createdAt, wait.closedAt),
      id: `wait:${wait.id}`,
      kind: 'wait',
      elementId: wait.elementId,
      elementName: nameOf(wait.elementId),
      title: `Waited for the ${wait.kind} "${wait.name}"`,
      state: wait.state,
    }, wait.createdAt);
  }
  for (const entry of facts.audit) {
    if (EVENTS_SHOWN_ELSEWHERE.has(entry.action)) continue;
    const task = entry.taskId ? taskById.get(entry.taskId) : undefined;
    const { final, ...words } = describeEvent(entry.action, entry.details);
    add({
      ...BLANK,
      at: entry.at.toISOString(),
      id: `event:${entry.id}`,
      kind: 'event',
      elementId: task?.elementId ?? null,
      elementName: task?.name ?? null,
      taskId: entry.taskId,
      actor: entry.actor,
      ...words,
    }, entry.at, entry.action === 'instance.started' ? 0 : final ? 3 : 1);
  }
  addSteps(facts, nameOf, add);
  return sorted.sort((a, b) => a.time - b.time || a.rank - b.rank).map(({ entry }) => entry);
}

/**
 * The automatic steps of the path. The path lists every completed element in order; an
 * element that was a task or a wait already has its entry (with times), and moves the
 * clock on to when it ended; any other element is a step placed at that clock.
 */
function addSteps(facts: TimelineFacts, nameOf: (id: string) => string, add: (entry: Entry, time: Date, rank: number) => void): void {
  const completedTasks = facts.tasks.filter((task) => task.state === 'completed').map((task) => ({ elementId: task.elementId, end: task.completedAt }));
  const closedWaits = facts.waits.map((wait) => ({ elementId: wait.elementId, end: wait.closedAt }));
  const endsByElement = new Map<string, Date[]>();
  for (const { elementId, end } of [...completedTasks, ...closedWaits].sort((a, b) => (a.end?.getTime() ?? 0) - (b.end?.getTime() ?? 0))) {
    if (end) endsByElement.set(elementId, [...(endsByElement.get(elementId) ?? []), end]);
  }
  // The workflow's own start (its audit entry) comes a moment after the row the API wrote.
  const started = facts.audit.find((entry) => entry.action === 'instance.started')?.at;
  let clock = started && started > facts.instance.startedAt ? started : facts.instance.startedAt;
  facts.instance.path.forEach((elementId, index) => {
    const end = endsByElement.get(elementId)?.shift();
    if (end) {
      clock = end;
      return;
    }
    add({ ...BLANK, id: `step:${index}`, kind: 'step', elementId, elementName: nameOf(elementId), title: nameOf(elementId), state: 'completed' }, clock, 2 + index / 1e6);
  });
}

function span(start: Date, end: Date | null) {
  return {
    at: start.toISOString(),
    endedAt: end?.toISOString() ?? null,
    durationMs: end ? Math.max(0, end.getTime() - start.getTime()) : null,
  };
}

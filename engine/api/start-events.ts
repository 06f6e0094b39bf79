/**
 * Start events other than the none start event, activated when a BPMN version is deployed:
 *
 * - message and signal start events become start subscriptions (Subscription rows without
 *   instance, one per start event of the latest version; the previous version's close, as
 *   in Camunda: a message published before the deploy, or to a version without the start
 *   event, starts nothing);
 * - timer start events become Temporal Schedules that start the interpreter workflow at
 *   that start event: a date fires once, a cycle (`R/PT1H`, `R3/<start>/P1D`) or a cron
 *   expression (`0 0 9 * * MON-FRI`) repeatedly. A new version replaces the schedules of
 *   the previous one (same start event id: updated; gone: deleted).
 *
 * Instances started by a schedule get their id from Temporal; their first recorded state
 * writes their database row.
 */
import type { Client, ScheduleOptions, ScheduleSpec } from '@temporalio/client';
import { ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import { SYSTEM_ACTOR } from '../../workflows/audit';
import { PROCESS_WORKFLOW, TASK_QUEUE, type ProcessInput, type Variables } from '../../workflows/contract';
import { parseCron, type Cron } from '../../workflows/cron';
import { parseIsoDuration, resolveDateTime } from '../../workflows/durations';
import { evaluateValue } from '../../workflows/feel';
import type { ProcessModel, StartEventElement, TimerDefinition } from '../../workflows/model';
import { parseInterval } from '../../workflows/timers';
import type { ApiDeps, AuthUser, Db } from './context';
import { parseModel } from './definition.service';
import { startInstance } from './instance.service';
import { PROCESS_KEY_ATTRIBUTE } from './temporal-gateway';

export interface StartEventDeps {
  db: Db;
  /** Without a client no schedules are made (timer start events then never fire). */
  temporal?: Client;
  taskQueue?: string;
  log?: (line: string) => void;
  clock?: () => Date;
}

export interface DeployedDefinition {
  id: string;
  key: string;
  version: number;
}

/** The schedule of a timer start event: one per process key and start event id, whatever the version. */
export function timerScheduleId(processKey: string, elementId: string): string {
  return `qualflow-timer-start:${processKey}:${elementId}`;
}

/**
 * Activates the message, signal and timer start events of a newly deployed version and
 * retires those of the versions before it.
 *
 * @throws Error when a timer start event's date or cycle cannot be scheduled.
 */
export async function activateStartEvents(deps: StartEventDeps, definition: DeployedDefinition): Promise<void> {
  const { db } = deps;
  const row = await db.definition.findUniqueOrThrow({ where: { id: definition.id } });
  const model = parseModel(row.model);
  const starts = processStartEvents(model);
  await db.subscription.updateMany({
    where: { processKey: definition.key, instanceId: null, state: 'open', definitionId: { not: definition.id } },
    data: { state: 'closed', closedAt: new Date() },
  });
  for (const start of starts) {
    const trigger = start.trigger;
    if (trigger?.type !== 'message' && trigger?.type !== 'signal') continue;
    const name = String(evaluateValue(trigger.type === 'message' ? trigger.messageName : trigger.signalName, {}) ?? '').trim();
    await db.subscription.upsert({
      where: { id: `${definition.id}:${start.id}` },
      update: {},
      create: { id: `${definition.id}:${start.id}`, kind: trigger.type, name, instanceId: null, definitionId: definition.id, processKey: definition.key, elementId: start.id },
    });
  }
  if (deps.temporal) await replaceSchedules(deps, deps.temporal, definition, model, starts);
  else if (starts.some((start) => start.trigger?.type === 'timer')) deps.log?.(`No Temporal client: the timer start events of "${definition.key}" are not scheduled`);
}

/**
 * Starts an instance of the definition a start subscription belongs to, at its start event.
 *
 * @throws HttpError 404 when the definition is gone, 503 when Temporal is unreachable.
 */
export async function startAtEvent(
  deps: ApiDeps,
  start: { definitionId: string | null; processKey: string; elementId: string },
  input: { variables: Variables; businessKey?: string; startedBy: string },
): Promise<{ id: string }> {
  const definition = start.definitionId ? await deps.db.definition.findUnique({ where: { id: start.definitionId }, select: { version: true } }) : null;
  return startInstance(
    deps,
    actor(input.startedBy),
    { processKey: start.processKey, version: definition?.version, variables: input.variables, businessKey: input.businessKey },
    { startEventId: start.elementId },
  );
}

/** The top-level start events of a process with a message, signal or timer trigger. */
function processStartEvents(model: ProcessModel): StartEventElement[] {
  return Object.values(model.elements).filter(
    (element): element is StartEventElement =>
      element.kind === 'startEvent' && !element.parent && ['message', 'signal', 'timer'].includes((element as StartEventElement).trigger?.type ?? 'none'),
  );
}

async function replaceSchedules(deps: StartEventDeps, client: Client, definition: DeployedDefinition, model: ProcessModel, starts: StartEventElement[]): Promise<void> {
  const timers = starts.filter((start) => start.trigger?.type === 'timer');
  const previous = await deps.db.definition.findFirst({ where: { key: definition.key, version: { lt: definition.version } }, orderBy: { version: 'desc' } });
  const kept = new Set(timers.map((start) => start.id));
  for (const old of previous ? processStartEvents(parseModel(previous.model)) : []) {
    if (old.trigger?.type === 'timer' && !kept.has(old.id)) await deleteSchedule(client, timerScheduleId(definition.key, old.id));
  }
  const now = (deps.clock ?? (() => new Date()))();
  for (const start of timers) {
    if (start.trigger?.type !== 'timer') continue;
    const plan = scheduleOf(start.trigger.timer, now, `The timer of the start event "${start.name || start.id}"`);
    const scheduleId = timerScheduleId(definition.key, start.id);
    await deleteSchedule(client, scheduleId);
    const input: ProcessInput = {
      instanceId: '',
      definitionId: definition.id,
      processKey: definition.key,
      version: definition.version,
      model,
      variables: {},
      startedBy: SYSTEM_ACTOR,
      startEventId: start.id,
    };
    const options: ScheduleOptions = {
      scheduleId,
      spec: plan.spec,
      action: {
        type: 'startWorkflow',
        workflowType: PROCESS_WORKFLOW,
        taskQueue: deps.taskQueue ?? TASK_QUEUE,
        workflowId: `${definition.key}-${start.id}`,
        args: [input],
        typedSearchAttributes: [{ key: PROCESS_KEY_ATTRIBUTE, value: definition.key }],
      },
      policies: { overlap: ScheduleOverlapPolicy.ALLOW_ALL, catchupWindow: '1 minute' },
      state: plan.remainingActions !== undefined ? { remainingActions: plan.remainingActions } : {},
    };
    if (plan.fireNow) {
      await client.workflow.start(PROCESS_WORKFLOW, {
        taskQueue: deps.taskQueue ?? TASK_QUEUE,
        workflowId: `${definition.key}-${start.id}-${now.toISOString()}`,
        args: [input],
        typedSearchAttributes: [{ key: PROCESS_KEY_ATTRIBUTE, value: definition.key }],
      });
    } else {
      await client.schedule.create(options);
    }
  }
}

async function deleteSchedule(client: Client, scheduleId: string): Promise<void> {
  try {
    await client.schedule.getHandle(scheduleId).delete();
  } catch (err) {
    if (!(err instanceof ScheduleNotFoundError) && (err as { code?: number }).code !== 5) throw err;
  }
}

interface SchedulePlan {
  spec: ScheduleSpec;
  remainingActions?: number;
  /** A date already past: no schedule, Zeebe starts the instance right away. */
  fireNow?: boolean;
}

const MONTHS = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'] as const;
const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;

/**
 * The schedule of a timer start event. `=expr` values are evaluated without variables.
 *
 * @throws Error naming `subject` when the timer is not a date or a cycle Temporal can schedule.
 */
export function scheduleOf(timer: TimerDefinition, now: Date, subject: string): SchedulePlan {
  if (timer.date !== undefined) {
    const value = evaluateValue(timer.date, {});
    const iso = typeof value === 'string' && !parseIsoDuration(value) ? resolveDateTime(value, now, subject) : undefined;
    if (!iso) throw new Error(`${subject} must be an ISO 8601 date-time such as 2026-12-01T09:00:00Z, got ${JSON.stringify(value)}`);
    const at = new Date(iso);
    const calendar = {
      year: at.getUTCFullYear(),
      month: MONTHS[at.getUTCMonth()],
      dayOfMonth: at.getUTCDate(),
      hour: at.getUTCHours(),
      minute: at.getUTCMinutes(),
      second: at.getUTCSeconds(),
    };
    return { spec: { calendars: [calendar] }, remainingActions: 1, fireNow: at.getTime() <= now.getTime() };
  }
  if (timer.cycle === undefined) throw new Error(`${subject} needs a date or a cycle (a timer start event has no duration)`);
  const text = String(evaluateValue(timer.cycle, {}) ?? '').trim();
  const interval = parseInterval(text);
  if (interval) {
    const { years, months, ...fixed } = interval.every;
    if (years || months) throw new Error(`${subject}: a cycle of months or years (${text}) cannot be scheduled; use a cron expression`);
    const every = (((fixed.weeks * 7 + fixed.days) * 24 + fixed.hours) * 60 + fixed.minutes) * 60_000 + fixed.seconds * 1000;
    if (every < 1000) throw new Error(`${subject}: the cycle ${text} repeats more often than once a second`);
    const anchor = interval.start ?? now;
    const startAt = interval.start && interval.start.getTime() > now.getTime() ? interval.start : new Date(now.getTime() + 1000);
    const spec: ScheduleSpec = { intervals: [{ every, offset: ((anchor.getTime() % every) + every) % every }], startAt };
    return { spec, remainingActions: interval.repetitions };
  }
  const cron = parseCron(text);
  if (!cron) throw new Error(`${subject} must be a repeating interval such as R/PT1H or a cron expression such as "0 0 9 * * MON-FRI", got ${JSON.stringify(text)}`);
  return { spec: { calendars: [calendarOf(cron)] } };
}

function calendarOf(cron: Cron) {
  const list = (values: Set<number>) => [...values].sort((a, b) => a - b);
  return {
    second: list(cron.seconds),
    minute: list(cron.minutes),
    hour: list(cron.hours),
    dayOfMonth: cron.anyDay ? ('*' as const) : list(cron.days),
    month: list(cron.months).map((month) => MONTHS[month - 1]),
    dayOfWeek: cron.anyWeekday ? ('*' as const) : list(cron.weekdays).map((day) => DAYS[day]),
  };
}

function actor(username: string): AuthUser {
  return { id: username, username, name: username, email: '', roles: [], groups: [], managerId: null, reports: [] };
}

/**
 * The words of a notification mail: the event's own text, then the facts a quality
 * engineer acts on (task, process and business key, due date, priority) and a link.
 */
import type { Db } from '../../engine/db/client';

export interface MailContext {
  taskId?: string;
  instanceId?: string;
}

/** Link to the task, else the instance, else the notifications page of the web app. */
export function linkFor(publicUrl: string, context: MailContext): string {
  if (context.taskId) return `${publicUrl}/#/task/${encodeURIComponent(context.taskId)}`;
  if (context.instanceId) return `${publicUrl}/#/instances/${encodeURIComponent(context.instanceId)}`;
  return `${publicUrl}/#/notifications`;
}

/** The facts of the task or instance the event is about, one "Label: value" per line. */
export async function factsFor(db: Db, context: MailContext, now: Date): Promise<string[]> {
  const task = context.taskId ? await db.task.findUnique({ where: { id: context.taskId } }) : null;
  const instanceId = task?.instanceId ?? context.instanceId;
  const instance = instanceId ? await db.instance.findUnique({ where: { id: instanceId } }) : null;
  const definitionId = task?.definitionId ?? instance?.definitionId;
  const definition = definitionId ? await db.definition.findUnique({ where: { id: definitionId }, select: { name: true } }) : null;
  const facts: string[] = [];
  if (task) facts.push(`Task:          ${task.name}${task.assignee ? ` (assigned to ${task.assignee})` : ''}`);
  const processKey = task?.processKey ?? instance?.processKey;
  if (processKey) facts.push(`Process:       ${definition?.name && definition.name !== processKey ? `${definition.name} (${processKey})` : processKey}`);
  if (instance?.businessKey) facts.push(`Business key:  ${instance.businessKey}`);
  if (task?.dueAt) facts.push(`Due:           ${formatInstant(task.dueAt)}${task.state === 'open' && task.dueAt < now ? ' (overdue)' : ''}`);
  if (task?.followUpAt) facts.push(`Follow up:     ${formatInstant(task.followUpAt)}`);
  if (task && task.priority !== 50) facts.push(`Priority:      ${task.priority}`);
  if (task && task.escalationLevel > 0) facts.push(`Escalation:    level ${task.escalationLevel}`);
  return facts;
}

/** What one event says in a mail: its text, the facts and the link (an immediate mail adds the footer). */
export function eventSection(input: { text: string; facts: string[]; link: string }): string {
  return [input.text.trim(), '', ...(input.facts.length > 0 ? [...input.facts, ''] : []), `Open in Qualflow: ${input.link}`].join('\n');
}

/** The footer of every mail: where to change how mail arrives. */
export function mailFooter(publicUrl: string): string {
  return ['', '', '-- ', `Qualflow. Choose immediate mail or a daily digest under ${publicUrl}/#/notifications`].join('\n');
}

/** A date in UTC, minutes precision: `2026-11-27 17:00 UTC`. */
export function formatInstant(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

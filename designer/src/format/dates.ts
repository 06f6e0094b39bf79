/**
 * Date display for lists: short, local, and honest about deadlines.
 */

export type DueStatus = 'none' | 'overdue' | 'soon' | 'later';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a due date has passed, falls within the next day, or is further away. */
export function dueStatus(dueAt: string | null | undefined, now: Date = new Date()): DueStatus {
  if (!dueAt) return 'none';
  const due = new Date(dueAt).getTime();
  if (Number.isNaN(due)) return 'none';
  if (due < now.getTime()) return 'overdue';
  if (due - now.getTime() <= DAY_MS) return 'soon';
  return 'later';
}

/** `12 Mar 2026, 14:05` in the reader's locale and time zone, or an em dash. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** `in 3 days`, `2 hours ago`: a coarse distance from now, for deadlines. */
export function formatRelative(value: string | null | undefined, now: Date = new Date()): string {
  if (!value) return '';
  const time = new Date(value).getTime();
  if (Number.isNaN(time)) return '';
  const diff = time - now.getTime();
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', DAY_MS],
    ['hour', 60 * 60 * 1000],
    ['minute', 60 * 1000],
  ];
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, size] of units) {
    if (Math.abs(diff) >= size) return format.format(Math.round(diff / size), unit);
  }
  return format.format(0, 'minute');
}

/** `High`, `Normal` or `Low` for a 0–100 priority (Camunda's default is 50). */
export function priorityLabel(priority: number): 'High' | 'Normal' | 'Low' {
  if (priority >= 75) return 'High';
  if (priority <= 25) return 'Low';
  return 'Normal';
}

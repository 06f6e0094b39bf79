import type { InstanceStatus } from '../api/types';

const LABELS: Record<InstanceStatus, string> = {
  active: 'Active',
  completed: 'Completed',
  terminated: 'Terminated',
  canceled: 'Canceled',
  incident: 'Incident',
};

/** The status of a process instance as a coloured badge. */
export function StatusBadge({ status }: { status: InstanceStatus }) {
  return <span className={`badge badge-${status}`}>{LABELS[status] ?? status}</span>;
}

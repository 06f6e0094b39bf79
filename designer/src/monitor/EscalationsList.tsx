/** The reminders and escalations behind a dashboard number, newest first. */
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { formatDateTime } from '../format/dates';
import { useResource } from '../hooks/use-resource';
import { hrefOf } from '../router/routes';
import { fetchEscalations } from './api';
import type { MonitorFilters } from './monitor-route';

export function EscalationsList({ filters, processName }: { filters: MonitorFilters; processName: (key: string) => string }) {
  const events = useResource(() => fetchEscalations(filters), [JSON.stringify(filters)]);
  const items = events.data?.items;
  return (
    <>
      <ErrorMessage error={events.error} />
      {items === undefined && events.loading && <Loading label="Loading escalations…" />}
      {items?.length === 0 && <p className="empty">No reminder or escalation in the period.</p>}
      {items && items.length > 0 && (
        <table className="table" aria-label="Reminders and escalations">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Task</th>
              <th scope="col">Process</th>
            </tr>
          </thead>
          <tbody>
            {items.map((event) => (
              <tr key={event.id}>
                <td data-label="When">{formatDateTime(event.at)}</td>
                <td data-label="What">
                  {event.kind === 'reminder' ? 'Reminder' : 'Escalation'} {event.level}
                </td>
                <td data-label="Task">
                  <a href={hrefOf({ name: 'task', id: event.taskId })}>{event.taskName ?? event.taskId}</a>
                </td>
                <td data-label="Process">
                  <a href={hrefOf({ name: 'instance', id: event.instanceId })}>{processName(event.processKey)}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

import { useState } from 'react';
import { retryIncident } from '../api/endpoints';
import type { Incident } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDateTime } from '../format/dates';

interface Props {
  instanceId: string;
  incidents: Incident[];
  elementName(id: string): string;
  onRetried(): void;
}

/** Open incidents of an instance, each with the problem in words and a Retry button. */
export function IncidentList({ instanceId, incidents, elementName, onRetried }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const open = incidents.filter((incident) => incident.state !== 'resolved');
  if (open.length === 0) return null;

  async function retry(incident: Incident) {
    setBusy(incident.id);
    setError(null);
    try {
      await retryIncident(instanceId, incident.id);
      onRetried();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card card-danger" aria-labelledby="incidents-title">
      <h2 className="card-title" id="incidents-title">
        Incidents
      </h2>
      <ErrorMessage error={error} />
      <ul className="incident-list">
        {open.map((incident) => (
          <li key={incident.id} className="incident">
            <div>
              <strong>{elementName(incident.elementId)}</strong>
              <span className="muted small"> · {formatDateTime(incident.createdAt)}</span>
              <p className="incident-message">{incident.message}</p>
            </div>
            <button
              type="button"
              className="button-secondary button-small"
              disabled={busy === incident.id}
              onClick={() => void retry(incident)}
            >
              {busy === incident.id ? 'Retrying…' : 'Retry'}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

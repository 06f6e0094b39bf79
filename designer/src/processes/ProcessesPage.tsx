import { useState } from 'react';
import { listDefinitions } from '../api/endpoints';
import type { DefinitionSummary } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { formatDateTime } from '../format/dates';
import { useResource } from '../hooks/use-resource';
import { latestVersions } from './latest-versions';
import { StartDialog } from './StartDialog';
import { versionsHref } from '../versions/version-routes';
import { DesignStart } from '../versions/DesignStart';
import { useAuth } from '../auth/auth-context';
import { hrefOf } from '../router/routes';
import { offersAccess } from '../grants/grant-rules';

/** The deployed processes, newest version of each, each with a Start button. */
export function ProcessesPage() {
  const definitions = useResource(async () => latestVersions(await listDefinitions()), []);
  const [starting, setStarting] = useState<DefinitionSummary | null>(null);
  const watchesProcesses = useAuth().hasRole('owner', 'manager', 'admin');
  const designsProcesses = useAuth().hasRole('owner', 'admin');
  const { user } = useAuth();

  return (
    <section aria-labelledby="processes-title">
      <div className="page-title">
        <h1 id="processes-title">Processes</h1>
      </div>
      <p className="muted">Start a procedure. Each step then lands in the tasklist of whoever owns it.</p>
      <ErrorMessage error={definitions.error} />
      {definitions.data === undefined && definitions.loading && <Loading label="Loading processes…" />}
      {definitions.data?.length === 0 && <p className="empty">No processes are deployed yet.</p>}
      <ul className="process-grid">
        {definitions.data?.map((definition) => (
          <li key={definition.id} className="card process-card">
            <h2 className="card-title">{definition.name || definition.key}</h2>
            <p className="muted small">
              <code>{definition.key}</code> · version {definition.version}
              {definition.createdAt && <> · deployed {formatDateTime(definition.createdAt)}</>}
            </p>
            <button
              type="button"
              className="button-primary"
              onClick={() => setStarting(definition)}
              aria-label={`Start ${definition.name || definition.key}`}
            >
              Start
            </button>
            <a className="small" href={versionsHref({ name: 'versions', key: definition.key })}>
              Version history
            </a>
            {watchesProcesses && (
              <a className="small" href={hrefOf({ name: 'heatmap', processKey: definition.key })}>
                Heatmap
              </a>
            )}
            {offersAccess(user, definition) && (
              <a
                className="small"
                href={hrefOf({ name: 'access', processKey: definition.key })}
                aria-label={`Access to ${definition.name || definition.key}`}
              >
                Access
              </a>
            )}
          </li>
        ))}
      </ul>
      <StartDialog definition={starting} onClose={() => setStarting(null)} />
      {designsProcesses && <DesignStart />}
    </section>
  );
}

import { useEffect, useState } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { formatDateTime } from '../format/dates';
import { useResource } from '../hooks/use-resource';
import { hrefOf } from '../router/routes';
import { fetchVersions } from './api';
import { versionsHref } from './version-routes';
import './versions.css';

/**
 * A process's version history: who deployed which version when. Each version opens in the
 * designer; two picked versions open side by side in the diff.
 */
export function VersionsPage({ processKey }: { processKey: string }) {
  const versions = useResource(() => fetchVersions(processKey), [processKey]);
  const items = versions.data?.items ?? [];
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);

  useEffect(() => {
    if (items.length === 0) return;
    setTo(items[0].version);
    setFrom(items[Math.min(1, items.length - 1)].version);
  }, [versions.data]);

  const name = items[0]?.name || processKey;
  const canCompare = from !== null && to !== null && from !== to;

  return (
    <section aria-labelledby="versions-title" className="versions-page">
      <p className="breadcrumb">
        <a href="#/processes">← Processes</a>
      </p>
      <div className="page-title">
        <h1 id="versions-title">Version history · {name}</h1>
        {canCompare && (
          <a className="button-primary link-button" href={versionsHref({ name: 'diff', key: processKey, from: Math.min(from, to), to: Math.max(from, to) })}>
            Compare versions {Math.min(from, to)} and {Math.max(from, to)}
          </a>
        )}
      </div>
      <ErrorMessage error={versions.error} />
      {versions.data === undefined && versions.loading && <Loading label="Loading versions…" />}
      {items.length > 0 && (
        <table className="table" aria-label="Versions">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Deployed by</th>
              <th scope="col">When</th>
              <th scope="col">Tag</th>
              <th scope="col">Compare</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-version={item.version}>
                <td>
                  <strong>v{item.version}</strong> <code className="muted small" title={`SHA-256 ${item.hash}`}>{item.hash.slice(0, 8)}</code>
                </td>
                <td>{item.deployedBy ?? '—'}</td>
                <td>{formatDateTime(item.createdAt)}</td>
                <td>{item.versionTag ?? '—'}</td>
                <td className="compare-picks">
                  <label>
                    <input type="radio" name="from" aria-label={`Compare from version ${item.version}`} checked={from === item.version} onChange={() => setFrom(item.version)} /> from
                  </label>
                  <label>
                    <input type="radio" name="to" aria-label={`Compare to version ${item.version}`} checked={to === item.version} onChange={() => setTo(item.version)} /> to
                  </label>
                </td>
                <td>
                  <a href={hrefOf({ name: 'designer', source: { kind: 'definition', key: processKey, version: item.version } })}>Open in designer</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * The instance list `#/instances?…`: running and finished instances the user may see,
 * filtered (process, version, status, business key, started between, incident, overdue),
 * paged, and exportable as CSV with the same filters.
 */
import { useEffect, useState } from 'react';
import { listDefinitions } from '../api/endpoints';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { StatusBadge } from '../components/StatusBadge';
import { formatDateTime } from '../format/dates';
import { useResource } from '../hooks/use-resource';
import { useDefinitionNames } from '../processes/use-definition-names';
import { hrefOf } from '../router/routes';
import { navigate } from '../router/use-hash-route';
import { fetchInstancePage, instancesCsvHref, PAGE_SIZE } from './instance-list-api';
import { InstanceFilterForm } from './InstanceFilterForm';
import type { InstanceFilters } from './list-filters';
import './instances-list.css';

export function InstancesPage({ status, filters: others = {} }: { status: string; filters?: Omit<InstanceFilters, 'status'> }) {
  const filters: InstanceFilters = { ...others, ...(status && { status }) };
  const key = JSON.stringify(filters);
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [key]);
  const instances = useResource(() => fetchInstancePage(filters, page), [key, page], { pollMs: 10000 });
  const definitions = useResource(listDefinitions, []);
  const processName = useDefinitionNames();
  const apply = ({ status: nextStatus = '', ...next }: InstanceFilters) => navigate({ name: 'instances', status: nextStatus, ...(Object.values(next).some(Boolean) && { filters: next }) });
  const items = instances.data?.items;
  const total = instances.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <section aria-labelledby="instances-title">
      <div className="page-title">
        <h1 id="instances-title">Instances</h1>
        <a className="button-secondary button-small" href={instancesCsvHref(filters)} download="instances.csv">
          Export CSV
        </a>
      </div>
      <InstanceFilterForm filters={filters} processes={(definitions.data ?? []).map((d) => ({ key: d.key, name: d.name || d.key }))} onApply={apply} />
      <ErrorMessage error={instances.error} />
      {items === undefined && instances.loading && <Loading label="Loading instances…" />}
      {items?.length === 0 && <p className="empty">No instances match.</p>}
      {items && items.length > 0 && (
        <>
          <p className="muted small" aria-live="polite">
            {total} instance{total === 1 ? '' : 's'}
          </p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Process</th>
                <th scope="col">Business key</th>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
                <th scope="col">Ended</th>
              </tr>
            </thead>
            <tbody>
              {items.map((instance) => (
                <tr key={instance.id}>
                  <td data-label="Process">
                    <a href={hrefOf({ name: 'instance', id: instance.id })}>{processName(instance.processKey)}</a>
                    <span className="muted small"> v{instance.version}</span>
                  </td>
                  <td data-label="Business key">{instance.businessKey || <span className="muted">—</span>}</td>
                  <td data-label="Status">
                    <StatusBadge status={instance.status} />
                  </td>
                  <td data-label="Started">
                    {formatDateTime(instance.startedAt)}
                    {instance.startedBy ? <span className="muted small"> by {instance.startedBy}</span> : null}
                  </td>
                  <td data-label="Ended">{instance.endedAt ? formatDateTime(instance.endedAt) : <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {pages > 1 && (
            <nav className="pager" aria-label="Pages">
              <button type="button" className="button-secondary button-small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Previous
              </button>
              <span>
                Page {page} of {pages}
              </span>
              <button type="button" className="button-secondary button-small" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                Next
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}

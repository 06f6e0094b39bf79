import { useState } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDateTime } from '../format/dates';
import { useResource } from '../hooks/use-resource';
import { hrefOf } from '../router/routes';
import { deleteDraft, listDrafts, listTemplates } from './api';
import './versions.css';

/**
 * Where a process owner starts designing: a blank diagram, one of the QMS templates, or
 * a draft they (or someone working on their process) saved earlier.
 */
export function DesignStart() {
  const templates = useResource(listTemplates, []);
  const drafts = useResource(listDrafts, []);
  const [error, setError] = useState<unknown>(null);

  async function remove(id: string, name: string) {
    if (!window.confirm(`Delete the draft “${name}”?`)) return;
    try {
      await deleteDraft(id);
      await drafts.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section aria-labelledby="design-start-title" className="design-start">
      <h2 id="design-start-title">Design a process</h2>
      <ErrorMessage error={templates.error ?? drafts.error ?? error} />
      <ul className="process-grid" aria-label="New from template">
        <li className="card process-card">
          <h3 className="card-title">Blank diagram</h3>
          <p className="muted small">Start from an empty canvas.</p>
          <a className="button-secondary link-button" href={hrefOf({ name: 'designer', source: { kind: 'blank' } })}>
            New blank
          </a>
        </li>
        {templates.data?.items.map((template) => (
          <li key={template.key} className="card process-card">
            <h3 className="card-title">{template.name}</h3>
            <p className="muted small">{template.description}</p>
            <a
              className="button-secondary link-button"
              href={hrefOf({ name: 'designer', source: { kind: 'template', key: template.key } })}
              aria-label={`New from template ${template.name}`}
            >
              New from template
            </a>
          </li>
        ))}
      </ul>
      {drafts.data && drafts.data.items.length > 0 && (
        <table className="table drafts-table" aria-label="Drafts">
          <thead>
            <tr>
              <th scope="col">Draft</th>
              <th scope="col">Process</th>
              <th scope="col">Last saved</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {drafts.data.items.map((draft) => (
              <tr key={draft.id}>
                <td>
                  <a href={hrefOf({ name: 'designer', source: { kind: 'draft', id: draft.id } })}>{draft.name}</a>
                </td>
                <td>
                  {draft.processKey ? <code>{draft.processKey}</code> : '—'}
                  {draft.baseVersion !== null && <span className="muted small"> from v{draft.baseVersion}</span>}
                </td>
                <td>
                  {formatDateTime(draft.updatedAt)} <span className="muted small">by {draft.updatedBy}</span>
                </td>
                <td>
                  <button type="button" className="button-danger-outline button-small" onClick={() => void remove(draft.id, draft.name)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import { useState } from 'react';
import { ErrorMessage } from '../components/ErrorMessage';
import { Loading } from '../components/Loading';
import { formatDateTime } from '../format/dates';
import { useResource } from '../hooks/use-resource';
import { listOutbox, PAGE_SIZE, type MailState } from './api';

const STATES: { value: MailState | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'outbox', label: 'Outbox (no SMTP)' },
  { value: 'failed', label: 'Failed' },
  { value: 'queued', label: 'Queued' },
  { value: 'sending', label: 'Sending' },
  { value: 'sent', label: 'Sent' },
  { value: 'digest', label: 'Waiting for digest' },
  { value: 'digested', label: 'In a digest' },
];

/** The mail Qualflow sent or would have sent (admins): what, to whom, and what became of it. */
export function OutboxTable() {
  const [state, setState] = useState<MailState | ''>('');
  const [page, setPage] = useState(1);
  const outbox = useResource(() => listOutbox({ state, page }), [state, page], { pollMs: 30000 });
  const pages = outbox.data ? Math.max(1, Math.ceil(outbox.data.total / PAGE_SIZE)) : 1;

  return (
    <section aria-labelledby="outbox-title">
      <div className="page-title">
        <h2 id="outbox-title">Outbox</h2>
        <label className="inline-field">
          <span>State</span>
          <select value={state} onChange={(event) => { setPage(1); setState(event.target.value as MailState | ''); }}>
            {STATES.map((option) => (
              <option key={option.value} value={option.value}>{option.label}</option>
            ))}
          </select>
        </label>
      </div>
      <ErrorMessage error={outbox.error} />
      {outbox.data === undefined && outbox.loading && <Loading label="Loading mail…" />}
      {outbox.data?.items.length === 0 && <p className="empty">No mail.</p>}
      {outbox.data && outbox.data.items.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">To</th>
              <th scope="col">Mail</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {outbox.data.items.map((mail) => (
              <tr key={mail.id}>
                <td data-label="Created">{formatDateTime(mail.createdAt)}</td>
                <td data-label="To">
                  {mail.to}
                  {mail.username ? <span className="muted small"> ({mail.username})</span> : null}
                </td>
                <td data-label="Mail">
                  <details>
                    <summary>{mail.subject}</summary>
                    <pre className="mail-text">{mail.text}</pre>
                  </details>
                </td>
                <td data-label="State">
                  <span className={`notification-kind mail-state-${mail.state}`}>{mail.state}</span>
                  {mail.attempts > 1 ? <span className="muted small"> {mail.attempts} attempts</span> : null}
                  {mail.state === 'sent' && mail.sentAt ? <span className="muted small"> {formatDateTime(mail.sentAt)}</span> : null}
                  {mail.error ? <p className="small mail-error">{mail.error}</p> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label="Outbox pages">
          <button type="button" className="button-secondary button-small" disabled={page <= 1} onClick={() => setPage(page - 1)}>Newer</button>
          <span className="muted small">Page {page} of {pages}</span>
          <button type="button" className="button-secondary button-small" disabled={page >= pages} onClick={() => setPage(page + 1)}>Older</button>
        </nav>
      )}
    </section>
  );
}

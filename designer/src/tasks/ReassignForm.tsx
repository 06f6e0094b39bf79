import { useState, type FormEvent } from 'react';
import './tasklist-deadlines.css';
import { apiRequest } from '../api/client';
import type { User } from '../api/types';
import { useAuth } from '../auth/auth-context';
import { ErrorMessage } from '../components/ErrorMessage';

interface Props {
  task: { id: string; name: string; state: string; assignee: string | null };
  onChanged(): void;
}

/** Managers, process owners and admins may reassign; the server decides for the manager case (their reports). */
export function mayOfferReassign(user: Pick<User, 'roles'>, task: Props['task']): boolean {
  return task.state === 'open' && user.roles.some((role) => role === 'admin' || role === 'owner' || role === 'manager');
}

/** Hand the task to a user or a candidate group, with a reason (POST /api/tasks/:id/reassign). */
export function ReassignForm({ task, onChanged }: Props) {
  const { user } = useAuth();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<'assignee' | 'candidateGroup'>('assignee');
  const [target, setTarget] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!mayOfferReassign(user, task)) return null;
  if (!open) {
    return (
      <button type="button" className="button-secondary button-small" onClick={() => setOpen(true)}>
        Reassign…
      </button>
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await apiRequest(`/api/tasks/${encodeURIComponent(task.id)}/reassign`, { method: 'POST', body: { [kind]: target.trim(), reason } });
      setOpen(false);
      setTarget('');
      setReason('');
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card reassign-form" onSubmit={submit} aria-label={`Reassign ${task.name}`}>
      <ErrorMessage error={error} labels={{ assignee: 'User', candidateGroup: 'Group', reason: 'Reason' }} />
      <fieldset>
        <legend>Reassign to</legend>
        <label>
          <input type="radio" name="reassign-kind" checked={kind === 'assignee'} onChange={() => setKind('assignee')} /> a user
        </label>
        <label>
          <input type="radio" name="reassign-kind" checked={kind === 'candidateGroup'} onChange={() => setKind('candidateGroup')} /> a group
        </label>
      </fieldset>
      <label>
        {kind === 'assignee' ? 'Username' : 'Group name'}
        <input required value={target} onChange={(e) => setTarget(e.target.value)} autoComplete="off" />
      </label>
      <label>
        Reason
        <textarea required value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={2000} />
      </label>
      <div className="form-actions">
        <button type="submit" className="button-primary button-small" disabled={busy}>
          {busy ? 'Reassigning…' : 'Reassign'}
        </button>
        <button type="button" className="button-secondary button-small" onClick={() => setOpen(false)} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

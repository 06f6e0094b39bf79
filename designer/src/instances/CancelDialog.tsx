import { useState, type FormEvent } from 'react';
import { cancelInstance } from '../api/endpoints';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';

interface Props {
  instanceId: string;
  open: boolean;
  onClose(): void;
  onCanceled(): void;
}

/** Cancels a running instance; the reason is required and goes into the audit trail. */
export function CancelDialog({ instanceId, open, onClose, onCanceled }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await cancelInstance(instanceId, reason.trim());
      setReason('');
      onCanceled();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title="Cancel this instance" open={open} onClose={onClose}>
      <form onSubmit={submit} className="dialog-body">
        <p>Open tasks are withdrawn and the instance stops. This cannot be undone.</p>
        <ErrorMessage error={error} />
        <label className="field">
          <span>Reason</span>
          <textarea
            name="reason"
            rows={3}
            required
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            autoFocus
          />
        </label>
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            Keep running
          </button>
          <button type="submit" className="button-danger" disabled={busy || !reason.trim()}>
            {busy ? 'Canceling…' : 'Cancel instance'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

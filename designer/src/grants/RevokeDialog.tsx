import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { revokeGrant } from './api';

interface Props {
  processKey: string;
  processName: string;
  /** Whom to take the process back from; null keeps the dialog closed. */
  username: string | null;
  onClose(): void;
  onTakenBack(username: string): Promise<void> | void;
}

/** Asks before taking a process back from someone, then does it. */
export function RevokeDialog({ processKey, processName, username, onClose, onTakenBack }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  function close() {
    setError(null);
    onClose();
  }

  async function takeBack() {
    if (!username) return;
    setBusy(true);
    setError(null);
    try {
      await revokeGrant(processKey, username);
      await onTakenBack(username);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={`Take ${processName} back from ${username ?? ''}?`} open={username !== null} onClose={close}>
      <div className="dialog-body">
        <p>
          {username} will no longer see every instance and task of {processName}, only the work they take part in. You can
          give it again later.
        </p>
        <ErrorMessage error={error} />
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={close}>
            Keep access
          </button>
          <button type="button" className="button-danger" onClick={() => void takeBack()} disabled={busy}>
            {busy ? 'Taking back…' : 'Take back'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

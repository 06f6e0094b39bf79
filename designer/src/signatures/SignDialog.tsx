/**
 * The electronic signature that completes a task whose step requires one (21 CFR Part 11
 * §11.200): the signer states the meaning and enters their password again — with their
 * username as well at the first signing of a session. Signing sends the completion.
 */
import { useState, type FormEvent } from 'react';
import type { Variables } from '../api/types';
import { CredentialFields } from '../components/CredentialFields';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { completeSignedTask, type SignatureRequirement } from './api';
import './signatures.css';

export interface SignDialogProps {
  taskId: string;
  taskName: string;
  /** `task.signature` from GET /api/tasks/:id. */
  requirement: SignatureRequirement;
  /** The form's variables to submit with the signature. */
  variables: Variables;
  open: boolean;
  /** Closed without signing; nothing was sent, or the last attempt failed. */
  onClose(): void;
  /** The task is completed and signed. */
  onSigned(): void;
}

/** Asks for the signature of a task completion and completes the task with it. */
export function SignDialog({ taskId, taskName, requirement, variables, open, onClose, onSigned }: SignDialogProps) {
  const [meaning, setMeaning] = useState(requirement.meanings[0] ?? '');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function sign(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const signer = requirement.needsUsername ? { username: username.trim() } : {};
      await completeSignedTask(taskId, variables, { ...signer, password, meaning });
      onSigned();
    } catch (caught) {
      setError(caught);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={`Sign “${taskName}”`} open={open} onClose={onClose}>
      <form onSubmit={sign} className="dialog-body sign-dialog" aria-describedby="sign-statement">
        <p id="sign-statement">
          Your electronic signature is legally binding, like a handwritten one. It records your name, the date
          and time, and the meaning you choose, and it is linked to this record.
        </p>
        <ErrorMessage error={error} />
        <fieldset className="sign-meanings">
          <legend>Meaning of this signature</legend>
          {requirement.meanings.map((option) => (
            <label key={option} className="radio-field">
              <input type="radio" name="meaning" value={option} checked={meaning === option} onChange={() => setMeaning(option)} />
              <span>{option}</span>
            </label>
          ))}
        </fieldset>
        <CredentialFields
          username={requirement.needsUsername ? username : undefined}
          onUsernameChange={setUsername}
          password={password}
          onPasswordChange={setPassword}
        />
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            Do not sign
          </button>
          <button type="submit" className="button-primary" disabled={busy || !password || !meaning}>
            {busy ? 'Signing…' : 'Sign and complete'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

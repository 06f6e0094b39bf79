import { useId, useState, type FormEvent } from 'react';
import type { User } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { grantProcess } from './api';

interface Props {
  processKey: string;
  /** The people to pick from, or null when the user list cannot be read (a username is typed). */
  people: Pick<User, 'username' | 'name'>[] | null;
  onGiven(username: string): Promise<void> | void;
}

/**
 * Gives the process to one more person: picked from the users when the signed-in user may
 * list them (admins), typed otherwise (process owners), the server saying when no such user exists.
 */
export function GrantForm({ processKey, people, onGiven }: Props) {
  const [username, setUsername] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const titleId = useId();
  const hintId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = username.trim();
    if (!chosen) return;
    setBusy(true);
    setError(null);
    try {
      await grantProcess(processKey, chosen);
      setUsername('');
      await onGiven(chosen);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card grant-form" onSubmit={submit} aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        Give the process to someone
      </h2>
      <ErrorMessage error={error} />
      {people === null ? (
        <label className="field">
          <span>Username</span>
          <input
            name="username"
            required
            autoComplete="off"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            aria-describedby={hintId}
          />
          <span className="hint" id={hintId}>
            The username they sign in with, e.g. a manager who watches this process.
          </span>
        </label>
      ) : (
        <label className="field">
          <span>Person</span>
          <select name="username" required value={username} onChange={(event) => setUsername(event.target.value)} aria-describedby={hintId}>
            <option value="">Choose a person…</option>
            {people.map((person) => (
              <option key={person.username} value={person.username}>
                {person.name} ({person.username})
              </option>
            ))}
          </select>
          <span className="hint" id={hintId}>
            {people.length === 0 ? 'Everyone already sees this process.' : 'The owner and those already given it are not listed.'}
          </span>
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy || !username.trim()}>
          {busy ? 'Giving…' : 'Give access'}
        </button>
      </div>
    </form>
  );
}

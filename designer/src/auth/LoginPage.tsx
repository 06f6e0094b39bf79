import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { CredentialFields } from '../components/CredentialFields';
import { ErrorMessage } from '../components/ErrorMessage';

interface Props {
  onLogin(username: string, password: string): Promise<void>;
}

/** Username and password; a refused sign-in says so plainly. */
export function LoginPage({ onLogin }: Props) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onLogin(username.trim(), password);
    } catch (caught) {
      const refused = caught instanceof ApiError && (caught.status === 401 || caught.status === 400);
      setError(refused ? new Error('Wrong username or password.') : caught);
      setBusy(false);
    }
  }

  return (
    <main className="login-page">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title">
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">Q</span>
          Qualflow
        </div>
        <h1 id="login-title">Sign in</h1>
        <p className="muted">Quality procedures that run themselves.</p>
        <ErrorMessage error={error} />
        <CredentialFields username={username} onUsernameChange={setUsername} password={password} onPasswordChange={setPassword} />
        <button type="submit" className="button-primary button-block" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

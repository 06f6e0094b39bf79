/**
 * The username and password fields of the sign-in page and the signature dialog. The
 * username field is left out when `username` is undefined; the first field shown takes
 * the focus.
 */
interface Props {
  username?: string;
  onUsernameChange?(username: string): void;
  password: string;
  onPasswordChange(password: string): void;
}

export function CredentialFields({ username, onUsernameChange, password, onPasswordChange }: Props) {
  const asksUsername = username !== undefined;
  return (
    <>
      {asksUsername && (
        <label className="field">
          <span>Username</span>
          <input
            name="username"
            autoComplete="username"
            autoFocus
            required
            value={username}
            onChange={(event) => onUsernameChange?.(event.target.value)}
          />
        </label>
      )}
      <label className="field">
        <span>Password</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => onPasswordChange(event.target.value)}
          autoFocus={!asksUsername}
        />
      </label>
    </>
  );
}

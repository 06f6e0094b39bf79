import { useEffect, useState, type FormEvent } from 'react';
import type { Variables } from '../api/types';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { editVariables } from './instance-page-api';
import { kindOf, parseValue, textOf, VALUE_KINDS, type ValueKind } from './variable-value';

interface Props {
  instanceId: string;
  variables: Variables;
  /** The variable to change; empty for a new one. Null: the dialog is closed. */
  name: string | null;
  onClose(): void;
  onSaved(): void;
}

/**
 * An admin sets one process variable of a running instance. The reason is required: it
 * goes into the audit trail with the earlier value.
 */
export function EditVariableDialog({ instanceId, variables, name, onClose, onSaved }: Props) {
  const [variable, setVariable] = useState('');
  const [kind, setKind] = useState<ValueKind>('text');
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (name === null) return;
    const current = variables[name];
    setVariable(name);
    setKind(kindOf(current));
    setText(textOf(current));
    setReason('');
    setError(null);
    // Start from the value the variable had when the dialog opened, not later polls.
  }, [name]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const value = parseValue(text, kind);
      setBusy(true);
      await editVariables(instanceId, { [variable.trim()]: value }, reason.trim());
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={name ? `Change “${name}”` : 'Set a variable'} open={name !== null} onClose={onClose}>
      <form onSubmit={submit} className="dialog-body">
        <p>The running process uses the new value from now on. The earlier value stays in the audit trail.</p>
        <ErrorMessage error={error} />
        <label className="field">
          <span>Variable</span>
          <input name="variable" required value={variable} readOnly={Boolean(name)} onChange={(e) => setVariable(e.target.value)} autoFocus={!name} />
        </label>
        <label className="field">
          <span>Kind of value</span>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as ValueKind)}>
            {VALUE_KINDS.map((option) => (
              <option key={option.kind} value={option.kind}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        {kind === 'boolean' ? (
          <label className="field">
            <span>Value</span>
            <select name="value" value={text} onChange={(e) => setText(e.target.value)}>
              <option value="">Choose…</option>
              <option value="true">Yes (true)</option>
              <option value="false">No (false)</option>
            </select>
          </label>
        ) : (
          <label className="field">
            <span>Value</span>
            <textarea name="value" rows={kind === 'json' ? 5 : 2} className={kind === 'json' ? 'mono' : undefined} value={text} onChange={(e) => setText(e.target.value)} autoFocus={Boolean(name)} />
          </label>
        )}
        <label className="field">
          <span>Reason</span>
          <textarea name="reason" rows={2} required value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={onClose}>
            Keep as is
          </button>
          <button type="submit" className="button-primary" disabled={busy || !variable.trim() || !reason.trim()}>
            {busy ? 'Saving…' : 'Save variable'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

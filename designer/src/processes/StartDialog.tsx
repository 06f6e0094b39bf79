import { useState, type FormEvent } from 'react';
import { startInstance } from '../api/endpoints';
import type { DefinitionSummary } from '../api/types';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { navigate } from '../router/use-hash-route';
import { parseVariables } from './parse-variables';

interface Props {
  definition: DefinitionSummary | null;
  onClose(): void;
}

/** Starts an instance of a process with a business key and optional variables, then opens it. */
export function StartDialog({ definition, onClose }: Props) {
  const [businessKey, setBusinessKey] = useState('');
  const [variablesText, setVariablesText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  function close() {
    setBusinessKey('');
    setVariablesText('');
    setError(null);
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!definition) return;
    const parsed = parseVariables(variablesText);
    if (!parsed.ok) {
      setError(new Error(parsed.message));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { id } = await startInstance({
        processKey: definition.key,
        version: definition.version,
        businessKey: businessKey.trim() || undefined,
        // The API sets `initiator` to the signed-in user itself.
        variables: parsed.variables,
      });
      close();
      navigate({ name: 'instance', id });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title={definition ? `Start “${definition.name || definition.key}”` : 'Start'} open={!!definition} onClose={close}>
      <form onSubmit={submit} className="dialog-body">
        <ErrorMessage error={error} />
        <label className="field">
          <span>Business key</span>
          <input
            name="businessKey"
            value={businessKey}
            placeholder="e.g. SOP-QA-0012"
            onChange={(event) => setBusinessKey(event.target.value)}
            autoFocus
          />
          <small className="hint">A reference people recognise: document number, CAPA number…</small>
        </label>
        <label className="field">
          <span>Variables (JSON, optional)</span>
          <textarea
            name="variables"
            rows={5}
            value={variablesText}
            placeholder='{"title": "Cleaning procedure"}'
            onChange={(event) => setVariablesText(event.target.value)}
            spellCheck={false}
            className="mono"
          />
        </label>
        <div className="dialog-actions">
          <button type="button" className="button-secondary" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? 'Starting…' : 'Start process'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

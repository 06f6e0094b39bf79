import { useState, type FormEvent } from 'react';
import type Modeler from 'bpmn-js/lib/Modeler';
import type { Diagnostic } from '../api/types';
import { Dialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { compilerRefusal } from '../modeler/problems/compiler-diagnostics';
import { processOfDiagram } from '../modeler/process-of-diagram';
import { parseVariables } from '../processes/parse-variables';
import { navigate } from '../router/use-hash-route';
import { tryRun } from './api';

interface Props {
  /** The designer's modeler; the button is disabled until it holds a diagram. */
  modeler: Modeler | null;
  /** Told the compiler's errors when the diagram does not compile, to mark them on the canvas. */
  onDiagnostics?(errors: Diagnostic[]): void;
}

/**
 * "Try it": deploys the diagram to the user's sandbox (never a real version), starts it
 * with sample variables and opens the instance page, where the token shows.
 */
export function TryButton({ modeler, onDiagnostics }: Props) {
  const [open, setOpen] = useState(false);
  const [variablesText, setVariablesText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [processKey, setProcessKey] = useState<string | undefined>();

  function openDialog() {
    if (!modeler) return;
    const { key } = processOfDiagram(modeler);
    setProcessKey(key);
    setError(key ? null : new Error('The diagram holds no process to try.'));
    setOpen(true);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!modeler || !processKey) return;
    const parsed = parseVariables(variablesText);
    if (!parsed.ok) return setError(new Error(parsed.message));
    setBusy(true);
    setError(null);
    try {
      const { instanceId } = await tryRun(processKey, (await modeler.saveXML()).xml ?? '', parsed.variables);
      setOpen(false);
      navigate({ name: 'instance', id: instanceId });
    } catch (caught) {
      const errors = compilerRefusal(caught)?.errors;
      if (errors) onDiagnostics?.(errors);
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button-secondary" disabled={!modeler} onClick={openDialog} title="Run this diagram in your sandbox">
        Try it…
      </button>
      <Dialog title="Try this diagram" open={open} onClose={() => setOpen(false)}>
        <form onSubmit={submit} className="dialog-body">
          <p className="muted small">
            Deploys the diagram to your sandbox (not a new version of <code>{processKey}</code>) and starts it, so you can follow the token on the
            instance page. Its tasks go to the people the diagram names.
          </p>
          <ErrorMessage error={error} />
          <label className="field">
            <span>Sample variables (JSON, optional)</span>
            <textarea
              name="variables"
              rows={5}
              value={variablesText}
              placeholder='{"severity": 3}'
              onChange={(event) => setVariablesText(event.target.value)}
              spellCheck={false}
              className="mono"
              autoFocus
            />
          </label>
          <div className="dialog-actions">
            <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="button-primary" disabled={busy}>
              {busy ? 'Starting…' : 'Start the try run'}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}

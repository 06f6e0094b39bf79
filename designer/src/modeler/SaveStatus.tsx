import { describeError } from '../api/error-text';
import type { SaveState } from './use-autosave';

const time = (at: Date) => at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** Whether the work is safe on the server: "Saving…", "Draft saved 10:42:03", or why not. */
export function SaveStatus({ state }: { state: SaveState }) {
  const text = {
    unchanged: 'No changes',
    pending: 'Unsaved changes…',
    saving: 'Saving…',
    saved: state.status === 'saved' ? `Draft saved ${time(state.at)}` : '',
    failed: state.status === 'failed' ? `Not saved: ${describeError(state.error).title}` : '',
  }[state.status];
  return (
    <span className={`designer-save designer-save-${state.status}`} role="status" data-testid="save-status">
      {text}
    </span>
  );
}

/**
 * Autosave of the designer's work to a server draft: a second after the last change the
 * diagram is saved (the first save creates the draft, later ones replace it), one save at
 * a time; leaving the page with unsaved changes asks first.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type Modeler from 'bpmn-js/lib/Modeler';
import { createDraft, saveDraft } from './api';
import { processOfDiagram } from './process-of-diagram';
import { useLeaveWarning } from '../hooks/use-leave-warning';

export type SaveState =
  | { status: 'unchanged' }
  | { status: 'pending' | 'saving' }
  | { status: 'saved'; at: Date }
  | { status: 'failed'; error: unknown };

interface AutosaveOptions {
  /** The draft to write to; absent: the first save creates one. */
  draftId?: string;
  baseVersion?: number;
  /** Off for users who may not keep drafts (only process owners and admins may). */
  enabled: boolean;
  onDraftCreated(id: string): void;
}

const QUIET_MS = 1000;

/**
 * Saves the modeler's diagram after changes. `savedAsNewDraft` is for a diagram that
 * replaced the one on the canvas (a file the user opened): it goes to a new draft, so the
 * draft being edited is not overwritten.
 */
export function useAutosave(modeler: Modeler | null, options: AutosaveOptions): { state: SaveState; savedAsNewDraft(): void } {
  const [state, setState] = useState<SaveState>({ status: 'unchanged' });
  const draftId = useRef(options.draftId);
  const baseVersion = useRef(options.baseVersion);
  const latest = useRef(options);
  latest.current = options;
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const saving = useRef(false);
  const changedWhileSaving = useRef(false);

  const save = useCallback(async (): Promise<void> => {
    if (!modeler) return;
    if (saving.current) {
      changedWhileSaving.current = true;
      return;
    }
    saving.current = true;
    setState({ status: 'saving' });
    try {
      const { xml = '' } = await modeler.saveXML({ format: true });
      const { key, name = 'Untitled process' } = processOfDiagram(modeler);
      if (draftId.current) {
        await saveDraft(draftId.current, { xml, name, processKey: key });
      } else {
        const draft = await createDraft({ name, xml, processKey: key, baseVersion: baseVersion.current });
        draftId.current = draft.id;
        latest.current.onDraftCreated(draft.id);
      }
      setState({ status: 'saved', at: new Date() });
    } catch (error) {
      setState({ status: 'failed', error });
    } finally {
      saving.current = false;
    }
    if (changedWhileSaving.current) {
      changedWhileSaving.current = false;
      await save();
    }
  }, [modeler]);

  const markChanged = useCallback(() => {
    if (!latest.current.enabled) return;
    setState({ status: 'pending' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), QUIET_MS);
  }, [save]);

  useEffect(() => {
    if (!modeler) return;
    // The stack is cleared on import: not a change of the diagram.
    const onChange = (event: { trigger?: string }) => event.trigger !== 'clear' && markChanged();
    modeler.on('commandStack.changed', onChange);
    return () => {
      modeler.off('commandStack.changed', onChange);
      clearTimeout(timer.current);
    };
  }, [modeler, markChanged]);

  useLeaveWarning(state.status === 'pending' || state.status === 'saving');

  const savedAsNewDraft = useCallback(() => {
    draftId.current = undefined;
    baseVersion.current = undefined;
    markChanged();
  }, [markChanged]);

  return { state, savedAsNewDraft };
}

import type { ChangeEvent, MouseEvent } from 'react';
import type Modeler from 'bpmn-js/lib/Modeler';
import { TryButton } from '../try/TryButton';
import { exportDiagram, type ExportFormat } from './export-diagram';
import { fitDiagram } from './fit-diagram';
import { showCompilerDiagnostics } from './problems/compiler-diagnostics';
import { SaveStatus } from './SaveStatus';
import type { SaveState } from './use-autosave';
import type { DeployState } from './use-deploy';

interface Props {
  modeler: Modeler | null;
  /** Absent when nothing is saved (users who may not keep drafts). */
  saveState?: SaveState;
  onOpenFile(file: File): void;
  /** Absent for users who may not deploy or try a diagram (only process owners and admins may). */
  deploy?: { state: DeployState; run(): void };
  onError(error: unknown): void;
}

interface EditorActions {
  trigger(action: string): void;
}

const EXPORTS: ExportFormat[] = ['bpmn', 'svg', 'png'];

/** The designer's commands: open, export, undo/redo, find, fit, try it, deploy; the keyboard shortcuts are bpmn-js' own. */
export function DesignerToolbar({ modeler, saveState, onOpenFile, deploy, onError }: Props) {
  const act = (action: string) => modeler?.get<EditorActions>('editorActions').trigger(action);
  // bpmn-js closes its search pad on any click reaching the document: this one must not.
  const openSearch = (event: MouseEvent) => {
    event.stopPropagation();
    act('find');
  };
  const chooseFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) onOpenFile(file);
    event.target.value = '';
  };
  return (
    <div className="designer-toolbar" role="toolbar" aria-label="Designer">
      <label className="button button-secondary button-small designer-open">
        Open .bpmn…
        <input type="file" accept=".bpmn,.xml,application/xml,text/xml" onChange={chooseFile} aria-label="Open a BPMN file" />
      </label>
      {EXPORTS.map((format) => (
        <button
          key={format}
          type="button"
          className="button-secondary button-small"
          disabled={!modeler}
          onClick={() => modeler && exportDiagram(modeler, format).catch(onError)}
        >
          Export .{format}
        </button>
      ))}
      <span className="designer-toolbar-gap" />
      <button type="button" className="button-secondary button-small" title="Undo (Ctrl+Z)" onClick={() => act('undo')}>
        Undo
      </button>
      <button type="button" className="button-secondary button-small" title="Redo (Ctrl+Y)" onClick={() => act('redo')}>
        Redo
      </button>
      <button type="button" className="button-secondary button-small" title="Find an element (Ctrl+F)" onClick={openSearch}>
        Find
      </button>
      <button type="button" className="button-secondary button-small" title="Show the whole diagram" onClick={() => modeler && fitDiagram(modeler)}>
        Fit
      </button>
      <span className="designer-toolbar-gap" />
      {saveState && <SaveStatus state={saveState} />}
      {deploy && <TryButton modeler={modeler} onDiagnostics={(errors) => modeler && showCompilerDiagnostics(modeler, errors)} />}
      {deploy && (
        <button type="button" className="button-primary button-small" disabled={!modeler || deploy.state.status === 'deploying'} onClick={deploy.run}>
          {deploy.state.status === 'deploying' ? 'Deploying…' : 'Deploy'}
        </button>
      )}
    </div>
  );
}

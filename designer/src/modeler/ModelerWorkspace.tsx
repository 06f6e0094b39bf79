import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';
import './designer.css';
import { ErrorMessage } from '../components/ErrorMessage';
import { DeployNotice } from './DeployNotice';
import { DesignerToolbar } from './DesignerToolbar';
import { fitDiagram } from './fit-diagram';
import type { LoadedDiagram } from './load-diagram';
import { PROBLEMS_CHANGED, type Problem } from './problems';
import { ProblemsPanel } from './ProblemsPanel';
import { useAutosave } from './use-autosave';
import { useDeploy } from './use-deploy';
import { useModeler } from './use-modeler';

interface Props {
  diagram: LoadedDiagram;
  /** Process owners and admins: drafts are saved and Deploy is offered. */
  canDesign: boolean;
  onDraftCreated(id: string): void;
  /** A file the user opened or dropped replaced the diagram. */
  onFileOpened(fileName: string): void;
}

interface DiagramServices {
  canvas: { scrollToElement(element: unknown): void };
  elementRegistry: { get(id: string): unknown };
  selection: { select(element: unknown): void };
}

/**
 * The modeling surface: toolbar, canvas, properties panel and problems. Mounts the
 * bpmn-js modeler, imports the diagram (and files the user opens or drops), and wires
 * autosave and deploy to it.
 */
export function ModelerWorkspace({ diagram, canDesign, onDraftCreated, onFileOpened }: Props) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const modeler = useModeler(canvasRef, panelRef);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const autosave = useAutosave(modeler, { draftId: diagram.draftId, baseVersion: diagram.baseVersion, enabled: canDesign, onDraftCreated });
  const deploy = useDeploy(modeler);

  const show = useCallback(
    async (xml: string) => {
      if (!modeler) return;
      setError(null);
      await modeler.importXML(xml);
      fitDiagram(modeler);
    },
    [modeler],
  );

  useEffect(() => {
    if (!modeler) return;
    const onProblems = ({ problems: next }: { problems: Problem[] }) => setProblems(next);
    modeler.on(PROBLEMS_CHANGED, onProblems);
    show(diagram.xml).catch(setError);
    return () => modeler.off(PROBLEMS_CHANGED, onProblems);
  }, [modeler, diagram.xml, show]);

  const openFile = (file: File) =>
    file
      .text()
      .then(show)
      .then(() => {
        onFileOpened(file.name);
        autosave.savedAsNewDraft();
      })
      .catch((caught: Error) => setError(new Error(`“${file.name}” could not be opened: ${caught.message}`)));

  const onDrop = (event: DragEvent) => {
    const file = event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    void openFile(file);
  };

  const selectElement = (id: string) => {
    const element = modeler?.get<DiagramServices['elementRegistry']>('elementRegistry').get(id);
    if (!modeler || !element) return;
    modeler.get<DiagramServices['selection']>('selection').select(element);
    modeler.get<DiagramServices['canvas']>('canvas').scrollToElement(element);
  };

  return (
    <div className="designer-workspace">
      <DesignerToolbar
        modeler={modeler}
        saveState={canDesign ? autosave.state : undefined}
        onOpenFile={openFile}
        deploy={canDesign ? { state: deploy.state, run: () => void deploy.deploy() } : undefined}
        onError={setError}
      />
      <ErrorMessage error={error} />
      <DeployNotice state={deploy.state} />
      <div className="designer-main">
        <div
          ref={canvasRef}
          className="designer-canvas"
          data-testid="designer-canvas"
          onDragOver={(event) => event.dataTransfer.types.includes('Files') && event.preventDefault()}
          onDrop={onDrop}
        />
        <aside ref={panelRef} className="designer-properties" aria-label="Properties" />
      </div>
      <ProblemsPanel problems={problems} onSelect={selectElement} />
    </div>
  );
}

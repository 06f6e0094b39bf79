/** The executable process a diagram holds: its id (the key it deploys under) and name. */
import type Modeler from 'bpmn-js/lib/Modeler';

interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  isExecutable?: boolean;
  processRef?: ModdleElement;
}

/** The first executable process (or the first process) of the modeler's diagram. */
export function processOfDiagram(modeler: Modeler): { key?: string; name?: string } {
  const definitions = modeler.getDefinitions() as { rootElements?: ModdleElement[] } | undefined;
  const processes = (definitions?.rootElements ?? []).filter((element) => element.$type === 'bpmn:Process');
  const process = processes.find((element) => element.isExecutable) ?? processes[0];
  return { key: process?.id, name: process?.name?.trim() || process?.id };
}

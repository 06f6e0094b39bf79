import { DOCUMENT, type Diagnostics } from './diagnostics';
import { count, describe, displayName } from './labels';
import { child, children, flag, isType } from './moddle-access';
import type { BpmnElement } from './types';

/** The executable process to compile, and the name to show for it. */
export interface SelectedProcess {
  process: BpmnElement;
  /** The process name, else its pool's name, else its id. */
  name: string;
}

/**
 * Finds the one executable process in the definitions. A collaboration is fine when it
 * has exactly one executable participant process; other pools (black boxes, documentation)
 * are accepted, message flows between them are reported as ignored.
 */
export function selectProcess(definitions: BpmnElement, diagnostics: Diagnostics): SelectedProcess | undefined {
  const rootElements = children(definitions, 'rootElements');
  const processes = rootElements.filter((element) => isType(element, 'bpmn:Process'));
  const participants = rootElements
    .filter((element) => isType(element, 'bpmn:Collaboration'))
    .flatMap((collaboration) => {
      for (const messageFlow of children(collaboration, 'messageFlows')) {
        diagnostics.warn(messageFlow, `${describe(messageFlow)} is ignored; messages between pools are not supported yet`);
      }
      return children(collaboration, 'participants');
    });
  const executable = processes.filter((process) => flag(process, 'isExecutable') === true);

  if (processes.length === 0) {
    diagnostics.error(DOCUMENT, 'The diagram contains no process');
    return undefined;
  }
  if (executable.length === 0) {
    if (processes.length === 1) {
      diagnostics.error(processes[0], `${describe(processes[0])} must be executable; mark it as executable`);
    } else {
      diagnostics.error(DOCUMENT, `None of the diagram's ${count(processes.length, 'process', 'processes')} is executable; mark exactly one as executable`);
    }
    return undefined;
  }
  if (executable.length > 1) {
    const ids = executable.map((process) => process.id).join(', ');
    diagnostics.error(DOCUMENT, `The diagram has ${count(executable.length, 'executable process', 'executable processes')} (${ids}); exactly one is supported`);
    return undefined;
  }

  const [process] = executable;
  for (const other of processes) {
    if (other !== process && children(other, 'flowElements').length > 0) {
      diagnostics.warn(other, `${describe(other)} is not executable and is ignored`);
    }
  }
  const pool = participants.find((participant) => child(participant, 'processRef') === process);
  const name = displayName(process) ?? (pool ? displayName(pool) : undefined) ?? process.id ?? 'process';
  return { process, name };
}

/** Counts flow elements in every process and sub-process, for the input bound. */
export function countFlowElements(definitions: BpmnElement): number {
  let total = 0;
  const visit = (container: BpmnElement): void => {
    for (const element of children(container, 'flowElements')) {
      total += 1;
      visit(element);
    }
  };
  for (const root of children(definitions, 'rootElements')) visit(root);
  return total;
}

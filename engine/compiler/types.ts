import type { ElementKind, ElementOfKind, ProcessModel } from '../../workflows/model';

/** One problem found in a diagram, tied to the element it is about. */
export interface Diagnostic {
  /** The BPMN element id, the process id, or `'document'` when no element applies. */
  elementId: string;
  /** A sentence a process owner understands, naming the element by name and id. */
  message: string;
}

/** What `compile` returns: a model only when there are no errors. */
export interface CompileResult {
  model?: ProcessModel;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/**
 * A parsed BPMN element as bpmn-moddle builds it. Properties are read through the
 * typed accessors in `moddle-access.ts`, never directly.
 */
export interface BpmnElement {
  readonly $type: string;
  $parent?: BpmnElement;
  $attrs?: Record<string, string>;
  id?: string;
  get(property: string): unknown;
}

/** The fields every model element shares, filled in before a transformer runs. */
export type CommonFields = Pick<
  ElementOfKind<'startEvent'>,
  'id' | 'name' | 'incoming' | 'outgoing' | 'inputs' | 'outputs' | 'boundaryEvents'
  | 'parent' | 'headers' | 'multiInstance' | 'forCompensation'
>;

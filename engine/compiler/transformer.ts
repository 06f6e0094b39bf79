import type { ElementKind, ElementOfKind } from '../../workflows/model';
import type { Diagnostics } from './diagnostics';
import type { ProcessGraph } from './structure';
import type { BpmnElement, CommonFields } from './types';

/** Everything a transformer may consult besides the element itself. */
export interface TransformContext {
  diagnostics: Diagnostics;
  /** The executable process being compiled. */
  process: BpmnElement;
  /** Flow nodes and the sequence flows between them. */
  graph: ProcessGraph;
  /** The process's embedded forms: `zeebe:userTaskForm` id → JSON text. */
  embeddedForms: Map<string, string | undefined>;
  /** References the parser could not resolve: `elementId#property` → the missing id. */
  unresolved: Map<string, string>;
}

/**
 * Turns one kind of BPMN element into its model element. Reports every problem it finds
 * through `context.diagnostics`; returns undefined when the element cannot be built.
 */
export interface Transformer<K extends ElementKind> {
  /** Which `zeebe:ioMapping` parts the kind accepts; compile reads them into the common fields. */
  ioMapping: 'inputs-and-outputs' | 'outputs' | 'none';
  /** Extension elements the transformer reads; any other Zeebe one is "not supported yet". */
  extensions: readonly string[];
  transform(element: BpmnElement, common: CommonFields, context: TransformContext): ElementOfKind<K> | undefined;
}

/** One transformer per element kind: a kind without one does not compile. */
export type TransformerTable = { [K in ElementKind]: Transformer<K> };

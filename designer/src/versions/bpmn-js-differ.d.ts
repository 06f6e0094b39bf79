/** Types for `bpmn-js-differ`, which ships none (only what the version diff reads). */
declare module 'bpmn-js-differ' {
  /** A bpmn-moddle element: `$type` (`bpmn:UserTask`), `id`, `name`, ... */
  export interface DiffedElement {
    $type: string;
    id: string;
    name?: string;
  }

  export interface AttributeChange {
    oldValue: unknown;
    newValue: unknown;
  }

  export interface DiffResult {
    _added: Record<string, DiffedElement>;
    _removed: Record<string, DiffedElement>;
    _changed: Record<string, { model: DiffedElement; attrs: Record<string, AttributeChange> }>;
    _layoutChanged: Record<string, DiffedElement>;
  }

  /** Compares two definitions trees read with bpmn-moddle. */
  export function diff(oldDefinitions: unknown, newDefinitions: unknown): DiffResult;
}

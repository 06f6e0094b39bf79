/** Types for the bpmn.io packages the modeler uses that ship none (only what Qualflow calls). */

declare module 'bpmn-js-properties-panel' {
  /** A bpmn-js module: `{ __init__, __depends__, name: ['type', Constructor] }`. */
  type BpmnJsModule = Record<string, unknown>;
  export const BpmnPropertiesPanelModule: BpmnJsModule;
  export const BpmnPropertiesProviderModule: BpmnJsModule;
  export const ZeebePropertiesProviderModule: BpmnJsModule;
  /** Help texts for the Zeebe groups, keyed by group id. */
  export const ZeebeTooltipProvider: Record<string, unknown>;
  export function useService<T = any>(name: string): T;
}

declare module '@bpmn-io/properties-panel' {
  /** Entry and group components are Preact function components; Qualflow calls them as functions. */
  type Component = (props: any) => any;
  export const Group: Component;
  export const ListGroup: Component;
  export const TextFieldEntry: Component;
  export const SelectEntry: Component;
  export const CheckboxEntry: Component;
  export function isTextFieldEntryEdited(node: unknown): boolean;
  export function isSelectEntryEdited(node: unknown): boolean;
  export function isCheckboxEntryEdited(node: unknown): boolean;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-cloud' {
  const module: Record<string, unknown>;
  export default module;
}

declare module 'bpmn-js-token-simulation/lib/modeler' {
  const module: Record<string, unknown>;
  export default module;
}

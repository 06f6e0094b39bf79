/** Types for `bpmn-js-element-templates`, which ships none (only what Qualflow uses). */
declare module 'bpmn-js-element-templates' {
  /** The Camunda 8 (Zeebe) element templates provider for the properties panel. */
  export const CloudElementTemplatesPropertiesProviderModule: Record<string, unknown>;
}

/** The element-template schema validator `bpmn-js-element-templates` uses (tests call it directly). */
declare module '@bpmn-io/element-templates-validator' {
  export function validateZeebe(template: object): { valid: boolean; errors?: { message: string }[] };
}

/**
 * bpmn-js modules other parts of the designer contribute to the modeler (the form link and
 * the element templates), kept in one list so the modeler needs no change when one is added.
 * They extend the properties panel, so they come after its modules.
 */
import ElementTemplatesModule from './element-templates';
import FormLinkModule from './forms';

export type BpmnJsModule = Record<string, unknown>;

export const CONTRIBUTED_MODULES: BpmnJsModule[] = [FormLinkModule, ElementTemplatesModule];

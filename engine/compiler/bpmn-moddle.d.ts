/**
 * Minimal typings for `bpmn-moddle`, whose package ships element typings but none for
 * its entry point. Only what the compiler uses is declared.
 */
declare module 'bpmn-moddle' {
  export interface ModdleWarning {
    message: string;
    element?: unknown;
    property?: string;
    value?: unknown;
    error?: Error;
  }

  export interface ParseResult {
    rootElement: unknown;
    elementsById: Record<string, unknown>;
    warnings: ModdleWarning[];
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
  }
}

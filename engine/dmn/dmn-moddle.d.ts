/**
 * Minimal typings for `dmn-moddle`, which ships none. Only what engine/dmn uses is declared.
 */
declare module 'dmn-moddle' {
  export interface DmnModdleWarning {
    message: string;
    element?: unknown;
    property?: string;
  }

  export interface DmnParseResult {
    rootElement: unknown;
    elementsById: Record<string, unknown>;
    warnings: DmnModdleWarning[];
  }

  export interface DmnModdleInstance {
    fromXML(xml: string, typeName?: string): Promise<DmnParseResult>;
  }

  export function DmnModdle(packages?: Record<string, unknown>, options?: Record<string, unknown>): DmnModdleInstance;
}

/** Types for the parts of bpmnlint and its Camunda plugin that Qualflow's lint uses (they ship none that resolve here). */

declare module 'bpmnlint' {
  /** One problem a rule reported. `id` is the element id. */
  export interface LintReport {
    id?: string;
    message: string;
    category: 'error' | 'warn' | 'info' | 'rule-error';
    data?: Record<string, unknown> & { type?: string };
    [key: string]: unknown;
  }
  export interface Reporter {
    report(id: string | undefined, message: string, context?: Record<string, unknown>): void;
  }
  export interface RuleDefinition {
    meta?: { documentation?: { url?: string } };
    check: ((node: any, reporter: Reporter) => boolean | void) | { enter?: (node: any, reporter: Reporter) => boolean | void; leave?: (node: any, reporter: Reporter) => void };
  }
  export type RuleFactory = (config?: any) => RuleDefinition;
  export type RuleConfig = string | number | [string | number, unknown?];
  export interface LintConfig {
    extends?: string | string[];
    rules?: Record<string, RuleConfig>;
  }
  export interface Resolver {
    resolveRule(pkg: string, ruleName: string): RuleFactory | Promise<RuleFactory>;
    resolveConfig(pkg: string, configName: string): LintConfig | Promise<LintConfig>;
  }
  export class Linter {
    constructor(options: { config?: LintConfig; resolver: Resolver });
    /** Lints a bpmn-moddle definitions tree; reports keyed by rule name. */
    lint(root: unknown, config?: LintConfig): Promise<Record<string, LintReport[]>>;
  }
}

declare module 'bpmnlint/rules/*' {
  const factory: import('bpmnlint').RuleFactory;
  export default factory;
}

declare module 'bpmnlint-plugin-camunda-compat' {
  const plugin: {
    configs: Record<string, import('bpmnlint').LintConfig>;
    rules: Record<string, string>;
  };
  export default plugin;
}

declare module 'bpmnlint-plugin-camunda-compat/rules/camunda-cloud/*' {
  const factory: import('bpmnlint').RuleFactory;
  export default factory;
}

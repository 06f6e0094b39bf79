import { Linter, type LintConfig, type LintReport, type Resolver, type RuleFactory } from 'bpmnlint';
import camundaCompat from 'bpmnlint-plugin-camunda-compat';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';
import qualflowDescriptor from '../compiler/qualflow-moddle.json';
import { BPMNLINT_RULES, CAMUNDA_COMPAT_RULES } from './camunda-compat-rules';
import { compilerErrors, compilerWarnings } from './compiler-rules';
import { tolerating } from './tolerances';

export { rememberParseWarnings } from './parse-warnings';
export { TOLERATED, type Tolerance } from './tolerances';

/** The moddle extensions a tree must be parsed with for the lint (bpmn-js `moddleExtensions`, bpmn-moddle). */
export const MODDLE_EXTENSIONS = { zeebe: zeebeDescriptor, qualflow: qualflowDescriptor } as const;

/** The Camunda configuration Qualflow's lint builds on. */
export const CAMUNDA_CONFIG = 'camunda-cloud-8-8';

/**
 * `bpmnlint-plugin-qualflow`: the compiler's own checks as bpmnlint rules, and the
 * `qualflow` configuration: Camunda 8.8's modeler lint (without the findings Qualflow
 * deliberately accepts, see `TOLERATED`) plus every compiler error and warning.
 */
export const qualflowPlugin = {
  rules: {
    compiler: compilerErrors,
    'compiler-warnings': compilerWarnings,
  } as Record<string, RuleFactory>,
  configs: {
    qualflow: {
      extends: [`plugin:camunda-compat/${CAMUNDA_CONFIG}`],
      rules: {
        'qualflow/compiler': 'error',
        'qualflow/compiler-warnings': 'warn',
      },
    } as LintConfig,
  },
};

/** The configuration the designer lints with. */
export const QUALFLOW_LINT_CONFIG: LintConfig = { extends: 'plugin:qualflow/qualflow' };

/**
 * A resolver that needs no Node module resolution (so it works in the browser): the
 * Qualflow rules, Camunda's 8.8 rules (imported statically), and the bpmnlint core rules
 * that configuration uses. With `tolerant`, Camunda's reports that Qualflow accepts on
 * purpose are left out; without, Camunda's rules report exactly what Camunda's lint does.
 */
export function createResolver({ tolerant = true } = {}): Resolver {
  const rules: Record<string, RuleFactory | undefined> = {};
  for (const [name, factory] of Object.entries(CAMUNDA_COMPAT_RULES)) {
    rules[`bpmnlint-plugin-camunda-compat/${name}`] = tolerant ? tolerating(name, factory) : factory;
  }
  for (const [name, factory] of Object.entries(BPMNLINT_RULES)) rules[`bpmnlint/${name}`] = factory;
  for (const [name, factory] of Object.entries(qualflowPlugin.rules)) rules[`bpmnlint-plugin-qualflow/${name}`] = factory;
  const configs: Record<string, LintConfig | undefined> = {
    [`bpmnlint-plugin-camunda-compat/${CAMUNDA_CONFIG}`]: camundaCompat.configs[CAMUNDA_CONFIG],
    'bpmnlint-plugin-qualflow/qualflow': qualflowPlugin.configs.qualflow,
  };
  return {
    resolveRule(pkg, ruleName) {
      const rule = rules[`${pkg}/${ruleName}`];
      if (!rule) throw new Error(`The lint has no rule ${pkg}/${ruleName}`);
      return rule;
    },
    resolveConfig(pkg, configName) {
      const config = configs[`${pkg}/${configName}`];
      if (!config) throw new Error(`The lint has no configuration ${pkg}/${configName}`);
      return config;
    },
  };
}

/** One lint finding, flattened: the rule, its category, the element id and the message. */
export interface LintFinding {
  rule: string;
  category: LintReport['category'];
  elementId: string;
  message: string;
  data?: LintReport['data'];
}

/**
 * Lints a definitions tree (parsed with `MODDLE_EXTENSIONS`) with the `qualflow`
 * configuration, or with another one (e.g. Camunda's own, untolerated).
 */
export async function lintDefinitions(
  definitions: unknown,
  { config = QUALFLOW_LINT_CONFIG, tolerant = true }: { config?: LintConfig; tolerant?: boolean } = {},
): Promise<LintFinding[]> {
  const linter = new Linter({ config, resolver: createResolver({ tolerant }) });
  const results = await linter.lint(definitions);
  return Object.entries(results).flatMap(([rule, reports]) =>
    reports.map((report) => ({
      rule,
      category: report.category,
      elementId: report.id ?? 'document',
      message: report.message,
      ...(report.data ? { data: report.data } : {}),
    })),
  );
}

import type { Reporter, RuleFactory } from 'bpmnlint';
import { checkDefinitions } from '../compiler/compile-definitions';
import type { BpmnElement } from '../compiler/types';
import { unresolvedOf } from './parse-warnings';

function isDefinitions(node: unknown): node is BpmnElement {
  return typeof node === 'object' && node !== null && (node as BpmnElement).$type === 'bpmn:Definitions';
}

/**
 * A rule that runs the compiler's own checks on the definitions root and reports one kind
 * of its diagnostics. Nothing is cached: the designer edits the same tree in place. References
 * the parse could not resolve come from `rememberParseWarnings`.
 */
function compilerRule(kind: 'errors' | 'warnings'): RuleFactory {
  return () => ({
    check(node: unknown, reporter: Reporter) {
      if (!isDefinitions(node)) return;
      for (const diagnostic of checkDefinitions(node, unresolvedOf(node))[kind]) reporter.report(diagnostic.elementId, diagnostic.message);
      return false;
    },
  });
}

/**
 * `qualflow/compiler`: every error the compiler reports for the diagram, on the same
 * element id and in the same words (`'document'` when no element applies). A diagram
 * without these errors is one `compile()` accepts, once its XML has been read.
 */
export const compilerErrors: RuleFactory = compilerRule('errors');

/** `qualflow/compiler-warnings`: the compiler's warnings (the diagram deploys, but something is ignored or not enforced). */
export const compilerWarnings: RuleFactory = compilerRule('warnings');

import type { ProcessModel } from '../../workflows/model';
import { compileProcess } from './compile-process';
import { Diagnostics, DOCUMENT } from './diagnostics';
import { INPUT_LIMITS } from './input-limits';
import type { ParsedDocument } from './read-bpmn';
import { countFlowElements, selectProcess } from './select-process';
import type { BpmnElement, CompileResult } from './types';

/**
 * The synchronous part of compiling: from an already-parsed document (the definitions
 * root bpmn-moddle built, and the references it could not resolve) to a `ProcessModel`.
 * Checks the flow element bound, selects the executable process and compiles it.
 * Imports nothing Node-only, so the designer's lint runs exactly these checks.
 *
 * @returns the model, or undefined when any error was reported.
 */
export function compileDefinitions(parsed: ParsedDocument, diagnostics: Diagnostics): ProcessModel | undefined {
  const flowElementCount = countFlowElements(parsed.definitions);
  if (flowElementCount > INPUT_LIMITS.maxFlowElements) {
    diagnostics.error(
      DOCUMENT,
      `The diagram has ${flowElementCount} flow elements; at most ${INPUT_LIMITS.maxFlowElements} are accepted`,
    );
    return undefined;
  }
  const selected = selectProcess(parsed.definitions, diagnostics);
  if (!selected) return undefined;
  return compileProcess(selected, parsed, diagnostics);
}

/**
 * Checks a moddle tree someone else parsed (bpmn-js in the designer, bpmnlint) with the
 * compiler's own rules: the same errors and warnings `compile()` reports for that tree
 * once it is read. References the parser could not resolve are passed in when known
 * (`elementId#property` → target id); without them such a reference reads as absent.
 */
export function checkDefinitions(
  definitions: BpmnElement,
  unresolved: Map<string, string> = new Map(),
): CompileResult {
  const diagnostics = new Diagnostics();
  const model = compileDefinitions({ definitions, unresolved }, diagnostics);
  return {
    ...(model && !diagnostics.hasErrors ? { model } : {}),
    errors: diagnostics.errors,
    warnings: diagnostics.warnings,
  };
}

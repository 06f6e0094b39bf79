import type { ProcessModel } from '../../workflows/model';
import { compileDefinitions } from './compile-definitions';
import { Diagnostics, formatDiagnostics } from './diagnostics';
import { checkInputLimits, INPUT_LIMITS } from './input-limits';
import { readBpmn } from './read-bpmn';
import type { CompileResult, Diagnostic } from './types';

export type { CompileResult, Diagnostic } from './types';
export { checkDefinitions, compileDefinitions } from './compile-definitions';
export { formatDiagnostics, INPUT_LIMITS };

/**
 * Compiles BPMN XML (Camunda 8 / Zeebe vocabulary) into a `ProcessModel`.
 *
 * Collects every problem rather than stopping at the first: the result carries all
 * errors and warnings, each with an element id (or `'document'`) and a sentence a
 * process owner understands. `model` is present only when there are no errors.
 * Never throws for bad input; a document over the input bounds is refused with an error.
 */
export async function compile(xml: string): Promise<CompileResult> {
  const diagnostics = new Diagnostics();
  const result = (model?: ProcessModel): CompileResult => ({
    ...(model ? { model } : {}),
    errors: diagnostics.errors,
    warnings: diagnostics.warnings,
  });

  const outline = checkInputLimits(xml, diagnostics);
  if (!outline) return result();
  const parsed = await readBpmn(xml, outline, diagnostics);
  if (!parsed) return result();
  const model = compileDefinitions(parsed, diagnostics);
  return result(diagnostics.hasErrors ? undefined : model);
}

/** Thrown by `compileOrThrow`; carries every diagnostic. */
export class CompileError extends Error {
  constructor(
    readonly errors: Diagnostic[],
    readonly warnings: Diagnostic[],
  ) {
    super(`The diagram does not compile:\n${formatDiagnostics(errors)}`);
    this.name = 'CompileError';
  }
}

/**
 * Compiles and returns the model, for callers that treat a broken diagram as a bug
 * (seeding templates, tests).
 *
 * @throws CompileError when the diagram has errors.
 */
export async function compileOrThrow(xml: string): Promise<ProcessModel> {
  const { model, errors, warnings } = await compile(xml);
  if (!model) throw new CompileError(errors, warnings);
  return model;
}

/**
 * The DMN compiler: DMN 1.3 XML (as Camunda Modeler writes it) → one `DecisionModel` per
 * decision, with the decisions it requires inlined, ready to be stored and evaluated in
 * the workflow. Like the BPMN compiler it collects every problem, each with the DMN
 * element id, and never throws for bad input.
 */
import type { DecisionModel } from '../../workflows/dmn/model';
import { DOCUMENT, Diagnostics } from '../compiler/diagnostics';
import { checkInputLimits } from '../compiler/input-limits';
import { children, text } from '../compiler/moddle-access';
import type { Diagnostic } from '../compiler/types';
import { readDecision, type DecisionParts } from './decision';
import { DMN_LIMITS } from './limits';
import { readDmn } from './read-dmn';
import { linkRequirements } from './requirements';

export { isDmnDocument } from './detect';
export { DMN_LIMITS } from './limits';

/** One decision of a DMN file, compiled. */
export interface CompiledDecision {
  decisionId: string;
  name: string;
  /** `zeebe:versionTag` of the decision, when it has one. */
  versionTag?: string;
  model: DecisionModel;
}

/** What `compileDmn` returns: decisions only when there are no errors. */
export interface DmnCompileResult {
  /** The id and name of the `definitions` (the decision requirements graph). */
  drgId?: string;
  drgName?: string;
  decisions: CompiledDecision[];
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/**
 * Compiles a DMN file. Every decision table and literal expression is checked (FEEL
 * syntax of input expressions, input entries as unary tests, output entries; hit policy;
 * columns), required decisions must exist in the file and form no cycle.
 */
export async function compileDmn(xml: string): Promise<DmnCompileResult> {
  const diagnostics = new Diagnostics();
  const result = (decisions: CompiledDecision[] = [], drg: { drgId?: string; drgName?: string } = {}): DmnCompileResult => ({
    ...drg,
    decisions: diagnostics.hasErrors ? [] : decisions,
    errors: diagnostics.errors,
    warnings: diagnostics.warnings,
  });
  if (!checkInputLimits(xml, diagnostics)) return result();
  const definitions = await readDmn(xml, diagnostics);
  if (!definitions) return result();
  const drgId = definitions.id;
  const drgName = text(definitions, 'name') ?? drgId;
  if (!drgId) diagnostics.error(DOCUMENT, 'The DMN definitions have no id');

  const decisionElements = children(definitions, 'drgElement').filter((element) => element.$type === 'dmn:Decision');
  if (decisionElements.length === 0) diagnostics.error(drgId ?? DOCUMENT, 'The DMN file has no decision');
  if (decisionElements.length > DMN_LIMITS.maxDecisions) {
    diagnostics.error(drgId ?? DOCUMENT, `The DMN file has ${decisionElements.length} decisions; at most ${DMN_LIMITS.maxDecisions} are accepted`);
    return result();
  }
  for (const element of children(definitions, 'drgElement')) {
    if (element.$type === 'dmn:BusinessKnowledgeModel') {
      diagnostics.error(element.id ?? DOCUMENT, `Business knowledge model ${element.id ?? ''} is not supported yet; write its logic in a decision`.replace('  ', ' '));
    }
  }
  const parts: DecisionParts[] = [];
  for (const element of decisionElements) {
    const decision = readDecision(diagnostics, element);
    if (decision) parts.push(decision);
  }
  const models = linkRequirements(diagnostics, parts);
  const decisions = parts.flatMap((part) => {
    const model = models.get(part.id);
    return model ? [{ decisionId: part.id, name: part.name, ...(part.versionTag ? { versionTag: part.versionTag } : {}), model }] : [];
  });
  return result(decisions, { drgId, drgName });
}

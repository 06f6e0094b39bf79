/**
 * One `dmn:Decision`: its id and name, the name its result goes by, its version tag, its
 * logic (a decision table or a literal expression) and the decisions it requires.
 */
import type { DecisionTable, LiteralExpression } from '../../workflows/dmn/model';
import type { Diagnostics } from '../compiler/diagnostics';
import { extensionValues } from '../compiler/extensions';
import { feelSyntaxError } from '../compiler/feel';
import { child, children, text } from '../compiler/moddle-access';
import type { BpmnElement } from '../compiler/types';
import { readDecisionTable } from './decision-table';

/** A decision read on its own, before its requirements are linked. */
export interface DecisionParts {
  id: string;
  name: string;
  resultName?: string;
  versionTag?: string;
  /** Absent when the logic has errors (reported); the requirements are still checked. */
  logic?: DecisionTable | LiteralExpression;
  /** Required decisions by id, with the element to report a problem on. */
  requires: { decisionId: string; elementId: string }[];
}

const LOGIC_LABELS: Record<string, string> = {
  'dmn:Context': 'a boxed context',
  'dmn:Invocation': 'a boxed invocation',
  'dmn:Relation': 'a relation',
  'dmn:List': 'a boxed list',
  'dmn:FunctionDefinition': 'a function definition',
};

/** `Decision "Dish" (dish)`, or `Decision dish` without a name. */
export function describeDmnDecision(element: BpmnElement): string {
  const name = text(element, 'name')?.trim();
  return name ? `Decision "${name}" (${element.id})` : `Decision ${element.id}`;
}

/** Reads a decision; undefined when it has no id. Errors in its logic are reported and leave `logic` out. */
export function readDecision(diagnostics: Diagnostics, element: BpmnElement): DecisionParts | undefined {
  if (!element.id) {
    diagnostics.error(undefined, `A decision${text(element, 'name') ? ` named "${text(element, 'name')}"` : ''} has no id; every decision needs one`);
    return undefined;
  }
  const subject = describeDmnDecision(element);
  const logic = readLogic(diagnostics, element, subject);
  for (const requirement of children(element, 'knowledgeRequirement')) {
    diagnostics.error(requirement.id ?? element.id, `${subject} requires a business knowledge model, which is not supported yet`);
  }
  const requires = children(element, 'informationRequirement').flatMap((requirement) => {
    const href = text(child(requirement, 'requiredDecision'), 'href')?.trim();
    if (href === undefined) return [];
    const decisionId = href.slice(href.indexOf('#') + 1);
    if (href.includes('#') && href.indexOf('#') > 0) {
      diagnostics.error(requirement.id ?? element.id, `${subject} requires the decision "${href}" from another file, which is not supported; keep required decisions in the same file`);
      return [];
    }
    return [{ decisionId, elementId: requirement.id ?? element.id! }];
  });
  const resultName = text(child(element, 'variable'), 'name')?.trim();
  const versionTag = readVersionTag(element);
  return {
    id: element.id,
    name: text(element, 'name')?.trim() || element.id,
    ...(resultName && resultName !== element.id ? { resultName } : {}),
    ...(versionTag ? { versionTag } : {}),
    ...(logic ? { logic } : {}),
    requires,
  };
}

function readLogic(diagnostics: Diagnostics, element: BpmnElement, subject: string): DecisionTable | LiteralExpression | undefined {
  const logic = child(element, 'decisionLogic');
  if (!logic) {
    diagnostics.error(element.id, `${subject} has no decision logic; give it a decision table or a literal expression`);
    return undefined;
  }
  if (logic.$type === 'dmn:DecisionTable') return readDecisionTable(diagnostics, logic, subject);
  if (logic.$type === 'dmn:LiteralExpression') {
    const expression = text(logic, 'text')?.trim() ?? '';
    const problem = expression === '' ? 'the expression is empty' : feelSyntaxError(expression);
    if (problem !== undefined) {
      diagnostics.error(logic.id ?? element.id, `${subject} has an invalid FEEL literal expression: ${problem}`);
      return undefined;
    }
    const variableName = text(child(element, 'variable'), 'name')?.trim() || element.id!;
    return { kind: 'literalExpression', ...(logic.id ? { id: logic.id } : {}), expression, variableName };
  }
  diagnostics.error(logic.id ?? element.id, `${subject} with ${LOGIC_LABELS[logic.$type] ?? `<${logic.$type}>`} is not supported yet; use a decision table or a literal expression`);
  return undefined;
}

/** `<zeebe:versionTag value="v1"/>` among the decision's extension elements. */
function readVersionTag(element: BpmnElement): string | undefined {
  const tag = extensionValues(element).find((value) => value.$type.toLowerCase() === 'zeebe:versiontag');
  const value = tag ? ((tag as unknown as { value?: unknown }).value ?? tag.$attrs?.value) : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

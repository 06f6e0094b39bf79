/**
 * Required decisions (information requirements): each must exist in the same file and
 * no decision may require itself through others. Each decision's model gets the models of
 * the decisions it requires inlined, so one stored row carries everything to evaluate it.
 */
import type { DecisionModel } from '../../workflows/dmn/model';
import type { Diagnostics } from '../compiler/diagnostics';
import type { DecisionParts } from './decision';
import { DMN_LIMITS } from './limits';

/** Links the decisions' requirements; returns the models of the decisions without problems, by id. */
export function linkRequirements(diagnostics: Diagnostics, parts: DecisionParts[]): Map<string, DecisionModel> {
  const byId = new Map(parts.map((part) => [part.id, part]));
  for (const part of parts) {
    for (const requirement of part.requires) {
      if (!byId.has(requirement.decisionId)) {
        diagnostics.error(requirement.elementId, `${label(part)} requires the decision "${requirement.decisionId}", which does not exist in this file`);
      }
    }
  }
  const cyclic = findCycles(parts, byId);
  for (const cycle of cyclic) {
    const first = byId.get(cycle[0])!;
    diagnostics.error(first.id, `${label(first)} requires itself through ${cycle.concat(cycle[0]).join(' → ')}; required decisions must not form a cycle`);
  }
  const models = new Map<string, DecisionModel>();
  if (diagnostics.hasErrors) return models;
  for (const part of parts) {
    const counter = { count: 0 };
    const model = inline(part, byId, counter);
    if (counter.count > DMN_LIMITS.maxRequiredDecisions) {
      diagnostics.error(part.id, `${label(part)} pulls in ${counter.count} required decisions (with repeats); at most ${DMN_LIMITS.maxRequiredDecisions} are accepted`);
      continue;
    }
    models.set(part.id, model);
  }
  return models;
}

function inline(part: DecisionParts, byId: Map<string, DecisionParts>, counter: { count: number }): DecisionModel {
  const required: DecisionModel[] = [];
  for (const requirement of part.requires) {
    counter.count += 1;
    if (counter.count > DMN_LIMITS.maxRequiredDecisions) break;
    required.push(inline(byId.get(requirement.decisionId)!, byId, counter));
  }
  return { id: part.id, name: part.name, ...(part.resultName ? { resultName: part.resultName } : {}), logic: part.logic!, required };
}

/** Each cycle once, as the ids along it (depth-first search with colours). */
function findCycles(parts: DecisionParts[], byId: Map<string, DecisionParts>): string[][] {
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[][] = [];
  const visit = (id: string, path: string[]) => {
    state.set(id, 'visiting');
    for (const { decisionId } of byId.get(id)?.requires ?? []) {
      if (!byId.has(decisionId)) continue;
      if (state.get(decisionId) === 'visiting') cycles.push(path.slice(path.indexOf(decisionId)));
      else if (!state.has(decisionId)) visit(decisionId, [...path, decisionId]);
    }
    state.set(id, 'done');
  };
  for (const part of parts) if (!state.has(part.id)) visit(part.id, [part.id]);
  return cycles;
}

function label(part: DecisionParts): string {
  return part.name !== part.id ? `Decision "${part.name}" (${part.id})` : `Decision ${part.id}`;
}

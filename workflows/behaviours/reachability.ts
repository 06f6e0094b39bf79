/**
 * Which elements can still lead a token to a given element along sequence flows (an
 * activity also through the boundary events attached to it), computed once per model
 * and target. Used by the inclusive join to know which branches can still arrive.
 */
import type { ProcessModel } from '../model';

const cache = new WeakMap<ProcessModel, Map<string, Set<string>>>();

/** True when a token at `from` can reach `to` by following sequence flows (and boundary events). */
export function canReach(model: ProcessModel, from: string, to: string): boolean {
  let byTarget = cache.get(model);
  if (!byTarget) {
    byTarget = new Map();
    cache.set(model, byTarget);
  }
  let sources = byTarget.get(to);
  if (!sources) {
    sources = reachingElements(model, to);
    byTarget.set(to, sources);
  }
  return sources.has(from);
}

/** Every element from which `target` can be reached, walking the flows backwards (not through `target` itself). */
function reachingElements(model: ProcessModel, target: string): Set<string> {
  const reaching = new Set<string>();
  const queue = [target];
  while (queue.length > 0) {
    const current = model.elements[queue.shift()!];
    if (!current) continue;
    const predecessors = current.incoming.map((flowId) => model.flows[flowId]?.sourceRef).filter((id): id is string => id !== undefined);
    if (current.kind === 'boundaryEvent' && current.id !== target) predecessors.push(current.attachedTo);
    for (const id of predecessors) {
      if (id === target || reaching.has(id)) continue;
      reaching.add(id);
      queue.push(id);
    }
  }
  return reaching;
}

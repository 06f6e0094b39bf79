/**
 * Which marker each diagram element gets for an instance's state. Pure.
 */
import type { InstanceDetail } from '../api/types';

export type MarkerClass = 'qf-active' | 'qf-completed' | 'qf-incident' | 'qf-taken';

export interface FlowShape {
  id: string;
  sourceId: string;
  targetId: string;
}

/**
 * Element id → marker: an open incident beats a token waiting there, which beats having
 * completed earlier (an element visited in a loop and active again shows as active).
 */
export function elementMarkers(
  instance: Pick<InstanceDetail, 'activeElements' | 'path' | 'incidents'>,
): Map<string, MarkerClass> {
  const markers = new Map<string, MarkerClass>();
  for (const id of instance.path ?? []) markers.set(id, 'qf-completed');
  for (const id of instance.activeElements ?? []) markers.set(id, 'qf-active');
  for (const incident of instance.incidents ?? []) {
    if (incident.state !== 'resolved') markers.set(incident.elementId, 'qf-incident');
  }
  return markers;
}

/** Sequence flows the token took: from a completed element into one that was reached. */
export function takenFlows(flows: FlowShape[], markers: Map<string, string>): string[] {
  return flows
    .filter((flow) => markers.get(flow.sourceId) === 'qf-completed' && markers.has(flow.targetId))
    .map((flow) => flow.id);
}

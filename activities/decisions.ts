/**
 * Finding the decision a business rule task evaluates: the deployed version its binding
 * chooses (latest, the one deployed with the calling process, or the one with a version
 * tag), compiled model included, so the workflow can evaluate it.
 */
import type { DecisionModel } from '../workflows/dmn/model';
import type { ActivityDependencies } from './dependencies';
import type { FindDecisionInput, FoundDecision } from './types';

/**
 * The decision version for `input.binding`, or null when none is deployed under that id
 * (for `deployment`: none in the calling definition's deployment; for `versionTag`: none
 * with that tag — the highest version carrying it when several do).
 */
export async function findDecision({ db }: ActivityDependencies, input: FindDecisionInput): Promise<FoundDecision | null> {
  const { decisionId, binding } = input;
  let where: { decisionId: string; deploymentId?: string; versionTag?: string };
  if (binding.type === 'deployment') {
    const caller = await db.definition.findUnique({ where: { id: input.definitionId }, select: { deploymentId: true } });
    if (!caller?.deploymentId) return null;
    where = { decisionId, deploymentId: caller.deploymentId };
  } else if (binding.type === 'versionTag') {
    where = { decisionId, versionTag: binding.versionTag };
  } else {
    where = { decisionId };
  }
  const row = await db.decision.findFirst({ where, orderBy: { version: 'desc' }, select: { id: true, decisionId: true, version: true, model: true } });
  if (!row) return null;
  return { id: row.id, decisionId: row.decisionId, version: row.version, decision: JSON.parse(row.model) as DecisionModel };
}
